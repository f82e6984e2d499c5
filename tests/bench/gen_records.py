#!/usr/bin/env python3
"""Deterministic generator of synthetic, valid, varied escalation records for benchmarks.

Usage: gen_records.py N OUT_DIR [SEED]

Every record follows the playbook (it checks clean with --now 2026-12-31T00:00:00Z): 0-8
progress updates kept within the P1 cadence, 1-5 actions, about 5 KB, non-ASCII names
throughout, and about one record in five with characters outside WinAnsi (Ł, ő, Ş) so the
readout needs an embedded font. Standard library only.
"""
import datetime as dt
import os
import random
import sys

FIRST = ["Zoë", "Renée", "José", "Søren", "Chloé", "Måns", "Inês", "Jürgen", "Aoife", "Siobhán",
         "Dana", "Priya", "Tomás", "Malik", "Sam", "Noémie", "Björn", "Françoise"]
LAST = ["Müller", "O'Neill", "García", "Brennan", "Whitfield", "Raman", "Ferreira", "Okafor",
        "Chen", "Åberg", "Lefèvre", "Núñez", "Kowalczyk", "Dubois"]
NON_WINANSI = ["Łukasz Wróbel", "Ödön Kőváry", "Şebnem Yılmaz", "Dorota Łęcka", "Gergő Szőke"]
ACCOUNTS = ["Northwind Logistics", "Ñandú S.A.", "Café Lumière", "Fjällräven Freight", "Acme Ltd.",
            "Göteborg Energi", "Brøndby Data", "Zürich Re-Insure", "São Paulo Tintas"]
SYSTEMS = ["payment-gateway", "eu-checkout", "order-api", "search", "auth", "ledger", "cdn-edge"]
ACTIONS = ["Failed traffic over to the secondary region", "Rolled back the faulty release",
           "Replaced the expired certificate", "Rebuilt the search index from the last snapshot",
           "Raised the connection pool limit on the order API", "Purged the poisoned cache entries",
           "Restored the ledger replica from backup", "Re-enabled the payment provider webhook"]


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def person(rng, exotic):
    if exotic and rng.random() < 0.5:
        return rng.choice(NON_WINANSI)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def email_of(name, domain):
    base = "".join(c for c in name.lower().replace(" ", ".") if c.isascii() and (c.isalnum() or c == "."))
    return f"{base or 'contact'}@{domain}"


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record(i, rng):
    exotic = i % 5 == 0
    rid = f"BENCH-{i:06d}"
    account = rng.choice(ACCOUNTS)
    lead, eng, csm, exec_, primary, sponsor = (person(rng, exotic) for _ in range(6))
    start = dt.datetime(2026, 1, 5, 8, 0) + dt.timedelta(days=rng.randrange(0, 300), minutes=rng.randrange(0, 600))
    opened = start + dt.timedelta(minutes=rng.randrange(1, 5))
    triaged = opened + dt.timedelta(minutes=rng.randrange(2, 10))
    owners = triaged + dt.timedelta(minutes=5)
    contained = triaged + dt.timedelta(minutes=rng.randrange(10, 25))
    root = contained + dt.timedelta(minutes=1)
    notified = root + dt.timedelta(minutes=5)
    facts_at = notified - dt.timedelta(minutes=3)
    n_updates = rng.randrange(0, 9)
    comms = []
    t = notified
    promise = t + dt.timedelta(minutes=60)
    comms.append(("initial", t, promise))
    for n in range(1, n_updates + 1):
        t = promise - dt.timedelta(minutes=rng.randrange(0, 10))
        promise = t + dt.timedelta(minutes=rng.choice([30, 45, 60]))
        comms.append((f"progress{n}", t, promise))
    resolved = promise - dt.timedelta(minutes=20)
    closure = resolved + dt.timedelta(minutes=10)
    pir_meeting = (resolved + dt.timedelta(days=2)).replace(hour=14, minute=0)
    while pir_meeting.weekday() >= 5:
        pir_meeting += dt.timedelta(days=1)
    actions = rng.sample(ACTIONS, rng.randrange(1, 6))
    systems = rng.sample(SYSTEMS, rng.randrange(1, 4))
    lines = [
        "version: 1", f"id: {rid}", f"title: {q('Service degradation on ' + systems[0])}",
        f"summary: {q('requests to ' + systems[0] + ' failing for ' + account)}",
        "account:", f"  name: {q(account)}", "  contract_tier: Enterprise",
        "severity: P1", "status: resolved",
        "escalation_lead:", f"  name: {q(lead)}", "  title: Head of Customer Operations",
        f"  contact: {email_of(lead, 'example.com')}",
        "triage:", "  genuine: true", "  impact:", "    outage: complete", "    customers_affected: 1",
        f"    revenue_at_risk: {rng.randrange(120, 900) * 1000}", "    sla: breached",
        "    reputational_exposure: high", "    regulatory_exposure: false", "    workaround_available: false",
        "facts:", f"  root_cause: {q('A faulty configuration change on ' + systems[0] + ' caused every request to fail.')}",
        "  root_cause_status: confirmed", f"  affected: [{', '.join(systems)}]", "  status: contained",
        f"  confirmed_by: {q(eng)}", f"  confirmed_at: {ts(facts_at)}",
        f"  confirmation_ref: {q('Email from ' + eng + ' to ' + lead)}",
        f"owners_confirmed_at: {ts(owners)}", "stakeholders:",
    ]
    for role, name, dom in [("escalation_lead", lead, "example.com"), ("customer_primary", primary, "customer.example"),
                            ("customer_exec_sponsor", sponsor, "customer.example"), ("engineering_lead", eng, "example.com"),
                            ("csm", csm, "example.com"), ("internal_exec_sponsor", exec_, "example.com")]:
        lines += [f"  - role: {role}", f"    name: {q(name)}", f"    contact: {email_of(name, dom)}", f"    owner: {q(lead)}"]
    lines.append("timeline:")
    for m, at, who in [("first_signal", start, eng), ("escalation_opened", opened, lead), ("triage_completed", triaged, lead),
                       ("containment", contained, eng), ("root_cause_identified", root, eng),
                       ("customer_notified", notified, lead), ("resolution_confirmed", resolved, eng),
                       ("closure_comms_sent", closure, lead), ("pir_scheduled", closure + dt.timedelta(hours=2), csm)]:
        lines += [f"  - milestone: {m}", f"    at: {ts(at)}", f"    confirmed_by: {q(who)}", f"    owner: {q(lead)}"]
    lines.append("communications:")
    for kind, sent, prom in comms:
        if kind == "initial":
            lines += ["  - type: initial", f"    sent_at: {ts(sent)}", f"    owner: {q(lead)}", "    status: contained",
                      f"    impact: {q('Requests to ' + systems[0] + ' failed between ' + start.strftime('%H:%M') + ' and ' + contained.strftime('%H:%M') + ' UTC. Traffic now runs through the secondary region.')}",
                      f"    next_update_by: {ts(prom)}"]
        else:
            n = int(kind[len("progress"):])
            lines += ["  - type: progress", f"    number: {n}", f"    sent_at: {ts(sent)}", f"    owner: {q(lead)}",
                      "    status: contained", f"    progress: {q('Step ' + str(n) + ' of the recovery plan is complete and verified.')}",
                      "    next_action:", f"      action: {q(rng.choice(ACTIONS))}", f"      owner: {q(eng)}",
                      f"      eta: {ts(prom)}", f"    next_update_by: {ts(prom)}"]
    lines += ["  - type: resolution", f"    sent_at: {ts(closure)}", f"    owner: {q(lead)}",
              f"    resolution_summary: {q('The faulty configuration on ' + systems[0] + ' was reverted and traffic returned to the primary region.')}",
              "    actions_taken:"] + [f"      - {q(a)}" for a in actions] + [
              "    preventative_measures:", "      - Configuration changes now require a canary stage",
              "      - Alerting on error rates above 1% for two minutes",
              f"    pir_share_by: {(resolved + dt.timedelta(days=7)).date()}" if (resolved + dt.timedelta(days=7)).weekday() < 5 else f"    pir_share_by: {(resolved + dt.timedelta(days=5)).date()}",
              "pir:", f"  scheduled_for: {ts(pir_meeting)}", "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]",
              f"  delivered_at: {(pir_meeting + dt.timedelta(days=3)).date()}", "  lessons_logged: true",
              "readout:",
              f"  impact_summary: {q('Requests to ' + systems[0] + ' failed for ' + account + ' for ' + str(int((contained - start).total_seconds() // 60)) + ' minutes. Orders could not be taken during that window.')}",
              "  resolution_actions:"] + [f"    - {q(a)}" for a in actions] + [
              "  sla_breach_detail: Monthly availability of 99.95% breached; 99.91% delivered.",
              f"  customer_sentiment: {q('Frustrated by the outage but appreciative of the hourly updates from ' + lead + '.')}",
              "  commitments:",
              "    - commitment: Automate configuration validation for all services", f"      owner: {q(eng)}", "      due: 2027-03-15",
              "    - commitment: Share the quarterly availability report", f"      owner: {q(csm)}", "      due: 2027-04-10"]
    return "\n".join(lines) + "\n"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261127)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, f"BENCH-{i:06d}.yaml"), "w", encoding="utf-8") as f:
            f.write(record(i, rng))


if __name__ == "__main__":
    main()
