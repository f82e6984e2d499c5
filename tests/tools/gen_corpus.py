#!/usr/bin/python3
"""Generate synthetic, valid, varied escalate incident records (SPEC.md section 2).

    python3 gen_corpus.py N OUTDIR [--seed S] [--now RFC3339] [--verify]

A copy of the peer team's corpus generator (the one the 10,000-record check of issue 14 used),
kept here so that tests/e2e/corpus.sh generates a small corpus at test time and checks that
every record passes `escalate check --strict` with no finding at all.

Writes OUTDIR/ESC-BENCH-000001.yaml ... in the style of shared/examples/ESC-2026-0142.yaml.
Every record is meant to pass every playbook rule when checked with --now (default
2026-11-20T12:00:00Z): ~86% are resolved (all 9 milestones, PIR delivered), the rest are
ongoing/contained escalations whose last "next update by" promise lies after --now.
Deterministic for a given seed and --now. Standard library + PyYAML only.
"""
import argparse
import datetime as dt
import os
import random
import sys
import textwrap
import unicodedata

import yaml

UTC = dt.timezone.utc
MIN = dt.timedelta(minutes=1)

# --------------------------------------------------------------------------- word pools

FIRST = """Dana Priya Tomás Sam Aoife Malik Zoë José Łukasz Siobhán Søren Anaïs Björn Chloé Renée
Jürgen François Małgorzata Thảo Kenji Mei Oluwaseun Ngozi Ravi Ananya Fatima Yusuf Inês Mateo
Lucía Ingrid Astrid Emre Çağla Dorota Agnieszka Rhiannon Eilidh Tadhg Niamh Grace Oliver Hannah
Leo Isla Ethan Amelia Noah Wei Hiroshi Sakura Amara Kwame Elif Sven Marta Paweł Ólafur Sinéad
Declan Bronwyn Rafael Gabriela Joaquín Magnús Håkon Zsófia András Dmitri Olena Nikhil Aarav
Leilani Tane Aroha Matías Camille Noémie Ségolène Benoît Andrés Ximena Ilse Rutger""".split()

LAST = """Whitfield Raman Ferreira Okafor Brennan Chen O'Connor Müller Kowalski Nowak Dvořák
García Ibáñez Núñez Jørgensen Åberg Lindqvist Şahin Yılmaz Novák Schröder Fitzgerald Nakamura
Tanaka Adeyemi Mensah Patel Sharma Khan Haddad Rossi Bianchi Dubois Lefèvre Moreau Svensson
Virtanen Kuznetsova Papadopoulos Murphy Walsh MacLeod Evans Hughes Nguyễn Wójcik Lewandowski
Ó_Súilleabháin Mac_Giolla_Phádraig Ruiz Castillo Gonçalves Barbosa Kristiansen Halvorsen
Horváth Szabó Kovačević Petrović Ivanova Mehta Iyer Okonkwo Boateng Kimura Takahashi Park Kim
Fernández Álvarez Østergaard Þórsson Grünewald Weiß Strauß Zieliński Dąbrowski""".split()
LAST = [n.replace("_", " ") for n in LAST]

ACCOUNTS = [
    "Northwind Logistics", "Zürich Rückversicherung AG", "Łódź Foods Sp. z o.o.",
    "Société Lumière SA", "Café Olé Ltd.", "Nordström & Søn A/S", "São Paulo Pagamentos",
    "Ærø Energi", "東京データ株式会社", "Örebro Fastigheter AB", "Crédit Maritime",
    "Dvořák Instruments s.r.o.", "İstanbul Lojistik A.Ş.", "Müller & Söhne GmbH",
    "Harbour Freight Ltd.", "Contoso Retail", "Fabrikam Health", "Tailspin Airways",
    "Wide World Importers", "Adatum Insurance", "Bluebird Pharmacies", "Kraków Kolej",
    "Göteborg Hamn", "Reykjavík Fiskur ehf.", "Peñalara Viajes", "Bjørnstad Shipping",
    "Ōsaka Robotics", "Coöperatie Groen", "Ngā Awa Trust", "Mañana Media",
]
ACC_A = """Atlas Beacon Cedar Delta Ember Falcon Granite Harbour Iris Juniper Kestrel Lumen Meridian
Nimbus Orchard Pinnacle Quarry Riverside Summit Thistle Umber Vantage Willow Yarrow Zenith
Élan Fjord Ångström Château Mosaïc Bjørk Saône Brücke""".split()
ACC_B = """Logistics Retail Bank Insurance Health Energy Foods Airways Telecom Media Pharma Freight
Analytics Payments Hotels Software Utilities Rail Travel Markets""".split()
ACC_C = ["", "", "", " Ltd.", " plc", " GmbH", " SA", " Inc.", " AB", " S.p.A.", " B.V.", " Group",
         " Sp. z o.o.", " AG"]
TIERS = ["Enterprise Plus", "Enterprise", "Business", "Premier", "Strategic", "Standard"]
LEAD_TITLES = ["Head of Customer Operations", "Escalation Manager", "Director of Support",
               "Senior Customer Operations Lead", "VP Customer Experience",
               "Customer Operations Manager", "Major Incident Manager"]

COMPONENTS = [
    ("payment gateway", "payment-gateway"), ("EU checkout", "eu-checkout"),
    ("authentication service", "auth-service"), ("search index", "search-index"),
    ("order API", "order-api"), ("nightly billing batch", "billing-batch"),
    ("SSO bridge", "sso-bridge"), ("webhook dispatcher", "webhook-dispatcher"),
    ("reporting warehouse", "reporting-warehouse"), ("SFTP file transfer", "file-transfer"),
    ("mobile push service", "mobile-push"), ("inventory sync", "inventory-sync"),
    ("CDN edge", "cdn-edge"), ("email relay", "email-relay"), ("ledger database", "ledger-db"),
    ("invoice renderer", "invoice-renderer"), ("customer portal", "customer-portal"),
    ("data export service", "data-export"), ("message queue", "message-queue"),
    ("pricing engine", "pricing-engine"),
]
REGIONS = ["EU", "UK", "US East", "US West", "APAC", "Nordics", "DACH", "LATAM", "Ireland", "Japan"]
SYMPTOMS = [
    ("{feature} declined at {region} checkout", "{feature_l} submitted through the {region} checkout being declined"),
    ("{feature} unavailable for {region} users", "{feature_l} being unavailable to users in {region}"),
    ("Delayed {feature_l} from the {comp}", "{feature_l} from the {comp} arriving hours late"),
    ("Intermittent errors on the {comp}", "intermittent server errors returned by the {comp}"),
    ("Duplicate {feature_l} in {region}", "{feature_l} being processed twice for {region} customers"),
    ("Missing {feature_l} after release", "{feature_l} missing from the {comp} after the latest release"),
    ("Slow {feature_l} in {region}", "{feature_l} taking over 30 seconds for users in {region}"),
    ("{feature} failing to sync", "{feature_l} failing to synchronise through the {comp}"),
]
FEATURES = ["Card payments", "Invoices", "Order confirmations", "Login sessions", "Shipment labels",
            "Refunds", "Price updates", "Stock levels", "Monthly statements", "Password resets",
            "Webhook deliveries", "Report exports", "Direct debits", "Booking confirmations"]
ROOT_CAUSES = [
    "An expired TLS certificate on the {comp} caused every authorisation call to fail.",
    "A connection pool limit set too low on the {comp} exhausted database connections at peak load.",
    "Version {ver} of the {comp} introduced a serialisation bug in the {feature_l} payload.",
    "A full disk on the primary {comp} node stopped all writes.",
    "An upstream DNS change removed the record that the {comp} uses to reach its database.",
    "A schema migration on the {comp} locked the main table for {n} minutes.",
    "A memory leak in the {comp} caused repeated restarts under sustained load.",
    "A rate limit on the {comp} was lowered by mistake and rejected legitimate traffic.",
    "A revoked API key for the {comp} was still referenced in the production configuration.",
    "A failed storage controller in the {region} data centre degraded the {comp}.",
    "A clock skew of {n} seconds between {comp} nodes invalidated signed session tokens.",
    "A retry storm from the {comp} overloaded its downstream queue after a network blip.",
    "An incorrect feature flag rollout disabled {feature_l} for the {region} tenant group.",
]
IMPACT_1 = [
    "All {feature_l} for {account} were affected for {dur} minutes.",
    "{account} could not process {feature_l} for {dur} minutes.",
    "About {pct}% of {feature_l} for {account} failed during a {dur}-minute window.",
    "{feature} for {account} were delayed by up to {dur} minutes.",
    "Users at {account} saw errors on {feature_l} for {dur} minutes.",
]
IMPACT_2 = [
    "An estimated £{money} of orders could not be taken during that window.",
    "Roughly {cust} end customers were affected, e.g. store staff and call-centre agents.",
    "Their monthly availability fell from 99.{a}% to 99.{b}% as a result.",
    "No data was lost and every failed request was retried once the service recovered.",
    "The customer's own support desk logged {cust} tickets about the problem.",
    "Around €{money} in transactions had to be re-submitted manually.",
]
IMPACT_3 = [
    "A workaround through the {region} backup route was available after {dur2} minutes.",
    "The customer's executive sponsor asked for hourly updates until resolution.",
    "Service has been stable since the fix, with error rates back below 0.1%.",
    "Their finance team reconciled the affected batch the same day.",
]
UPDATE_IMPACT = [
    "{feature} for {account} are failing at a rate of about {pct}%. The {comp} is the only affected component.",
    "All {feature_l} through the {comp} were declined between {t1} and {t2} UTC. Traffic now runs through the secondary route.",
    "{feature} are delayed by up to {dur} minutes for users in {region}. No data has been lost.",
    "The {comp} is returning errors for a subset of {account} requests. Other services are unaffected.",
]
PROGRESS = [
    "The {comp} has been rolled back to the previous release and error rates are falling.",
    "Engineers have isolated the faulty node and are rebuilding it from a clean image.",
    "The expired certificate has been replaced on the {comp} and is being verified.",
    "Traffic has been moved to the {region} standby cluster while the primary is repaired.",
    "A fix for the {feature_l} payload has passed testing and is being deployed in stages.",
    "The database connection limit was raised and the {comp} backlog is draining at a steady rate.",
    "We confirmed the root cause with the vendor and applied their recommended configuration.",
    "Monitoring shows {pct}% of queued {feature_l} have now been processed.",
    "Additional capacity was added to the {comp} and latency is back within normal range.",
]
NEXT_ACTIONS = [
    "Return traffic to the primary {comp}", "Complete the staged deployment of the fix",
    "Reprocess the failed {feature_l}", "Verify data integrity of the affected batch",
    "Confirm stability over one full business cycle", "Remove the temporary rate limit override",
    "Rebuild the second {comp} node", "Reconcile the duplicated {feature_l} with finance",
]
RESOLUTION_SUMMARY = [
    "The {comp} was repaired and all {feature_l} are processing normally again.",
    "The faulty release of the {comp} was rolled back and a corrected version is now live.",
    "The expired certificate on the {comp} was replaced and traffic returned to the primary route.",
    "Capacity on the {comp} was restored and the backlog of {feature_l} has been fully processed.",
    "The configuration error on the {comp} was corrected and every failed request was replayed.",
]
ACTIONS = [
    "Failed traffic over to the secondary {comp}", "Rolled back the {comp} to the previous release",
    "Replaced the expired certificate", "Raised the connection pool limit on the {comp}",
    "Replayed every failed {feature_l} request", "Rebuilt the affected {comp} node",
    "Corrected the {region} DNS record", "Cleared the {comp} queue backlog",
    "Restored the rate limit to its documented value", "Re-synchronised the clocks on all {comp} nodes",
    "Added certificate expiry alerting", "Reconciled duplicated {feature_l} with the customer",
]
PREVENTATIVE = [
    "Certificate expiry alerts at 30, 14 and 3 days", "Automated certificate renewal for all {comp} endpoints",
    "Load tests at twice peak traffic before each {comp} release", "Disk usage alerts at 70% and 85%",
    "Two-person review for rate limit and feature flag changes", "Canary releases for the {comp}",
    "Synthetic monitoring of {feature_l} from three regions", "Runbook for failing over the {comp}",
    "Weekly restore test of the {comp} backups",
]
COMMITMENTS = [
    "Automate certificate renewal for all {comp} endpoints", "Share quarterly availability report with {account}",
    "Deliver a capacity plan for the {comp}", "Add {feature_l} monitoring to the customer status page",
    "Run a joint failover exercise with {account}", "Review the SLA credit calculation with {account}",
    "Publish the {comp} release checklist", "Complete the {comp} resilience review",
    "Schedule a roadmap session on {feature_l} reliability",
]
SENTIMENT = [
    "Frustrated by the outage but appreciative of the regular updates.",
    "Satisfied with the speed of the fix; wants the PIR before the quarterly review.",
    "Concerned about repeat incidents and expects the preventative measures on time.",
    "Positive about the communication, e.g. the hourly updates and the direct line to engineering.",
    "Neutral; the customer's CTO asked for a follow-up call on monitoring.",
    "Unhappy about the SLA breach and has asked for service credits.",
]
EVENTS = [
    "Customer executive call held", "Vendor support case opened", "Status page updated",
    "War room opened", "Change freeze declared for the {comp}", "Legal informed of possible exposure",
]
NOTES = [
    "Traffic failed over to the secondary gateway", "Confirmed on the incident bridge",
    "Alert raised by synthetic monitoring", "Reported by the customer's service desk",
    "Logged in the incident channel", "Verified with the on-call engineer",
]
WAIVE_REASONS = [
    ("update-cadence", "Customer asked for updates twice a day instead of hourly."),
    ("speculative-language", "Quoted the customer's own wording in the impact statement."),
    ("readout-sentiment", "Customer declined to give feedback before the PIR."),
]

ROLES = ["escalation_lead", "customer_primary", "customer_exec_sponsor", "engineering_lead",
         "csm", "internal_exec_sponsor", "legal"]

_ASCII_MAP = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
                            "ß": "ss", "ı": "i", "đ": "d", "þ": "th", "Þ": "Th", "ð": "d"})


def ascii_slug(s, sep="."):
    s = unicodedata.normalize("NFKD", s.translate(_ASCII_MAP))
    s = "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)
    out, prev = [], False
    for c in s.lower():
        if c.isalnum():
            out.append(c)
            prev = False
        elif not prev and out:
            out.append(sep)
            prev = True
    return "".join(out).strip(sep) or "x"


# --------------------------------------------------------------------------- time helpers

def add_business_days(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def fmt_ts(t):
    return Raw(t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def fmt_date(d):
    return Raw(d.strftime("%Y-%m-%d"))


# --------------------------------------------------------------------------- YAML emitter

class Raw(str):
    """A scalar written verbatim (timestamps and dates, resolved by YAML's timestamp tag)."""


class Folded(str):
    """A long string written as a folded block scalar (>-)."""


class Flow(list):
    """A short list written in flow style: [a, b]."""


_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def _plain_ok(s):
    if not s or s != s.strip() or "\n" in s or "\t" in s:
        return False
    if s[0] in "-?:,[]{}#&*!|>'\"%@`":
        return False
    if ": " in s or " #" in s or s.endswith(":"):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, s, (True, False)) == _STR_TAG


def _scalar(v, flow=False):
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if v is None:
        return "null"
    if _plain_ok(v) and not (flow and any(c in v for c in ",[]{}")):
        return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(obj, indent=0, out=None):
    """Block-style YAML for dicts/lists of scalars, in insertion order."""
    pad = " " * indent
    for key, val in obj.items():
        if isinstance(val, dict):
            out.append(f"{pad}{key}:\n")
            emit(val, indent + 2, out)
        elif isinstance(val, Flow):
            out.append(f"{pad}{key}: [{', '.join(_scalar(x, True) for x in val)}]\n")
        elif isinstance(val, list):
            out.append(f"{pad}{key}:\n")
            for item in val:
                if isinstance(item, dict):
                    first = True
                    for k2, v2 in item.items():
                        lead = f"{pad}  - " if first else f"{pad}    "
                        first = False
                        if isinstance(v2, dict):
                            out.append(f"{lead}{k2}:\n")
                            emit(v2, indent + 6, out)
                        elif isinstance(v2, Flow):
                            out.append(f"{lead}{k2}: [{', '.join(_scalar(x, True) for x in v2)}]\n")
                        elif isinstance(v2, list):
                            out.append(f"{lead}{k2}:\n")
                            for x in v2:
                                out.append(f"{pad}      - {_scalar(x)}\n")
                        else:
                            out.append(f"{lead}{k2}: {_scalar(v2)}\n")
                else:
                    out.append(f"{pad}  - {_scalar(item)}\n")
        elif isinstance(val, Folded):
            out.append(f"{pad}{key}: >-\n")
            for line in textwrap.wrap(val, 88, break_long_words=False, break_on_hyphens=False):
                out.append(f"{pad}  {line}\n")
        else:
            out.append(f"{pad}{key}: {_scalar(val)}\n")
    return out


# --------------------------------------------------------------------------- record builder

class Gen:
    def __init__(self, seed, now):
        self.r = random.Random(seed)
        self.now = now
        self.start = dt.datetime(2025, 1, 6, tzinfo=UTC)
        self.span_min = int((dt.datetime(2026, 10, 16, tzinfo=UTC) - self.start).total_seconds() // 60)

    def person(self, used):
        r = self.r
        while True:
            name = f"{r.choice(FIRST)} {r.choice(LAST)}"
            if name not in used:
                used.add(name)
                return name

    def fill(self, tmpl, ctx):
        return tmpl.format(**ctx)

    def account(self):
        r = self.r
        if r.random() < 0.35:
            return r.choice(ACCOUNTS)
        return f"{r.choice(ACC_A)} {r.choice(ACC_B)}{r.choice(ACC_C)}"

    def cadence(self, sev, t):
        if sev == "P1":
            return t + dt.timedelta(hours=1)
        if sev == "P2":
            return t + dt.timedelta(hours=4)
        d = add_business_days(t.date(), 1)
        return dt.datetime.combine(d, t.timetz())

    def record(self, idx):
        r = self.r
        rid = f"ESC-BENCH-{idx:06d}"
        acct = self.account()
        acct_dom = ascii_slug(acct.replace(" Ltd.", "").replace(" GmbH", ""), "-")[:30].strip("-")
        acct_dom = (acct_dom if acct_dom != "x" else "tokyo-data") + ".example"
        comp, comp_id = r.choice(COMPONENTS)
        others = [c for c in COMPONENTS if c[1] != comp_id]
        affected = Flow([comp_id] + [c[1] for c in r.sample(others, r.randint(0, 2))])
        region = r.choice(REGIONS)
        feature = r.choice(FEATURES)
        ctx = dict(comp=comp, region=region, feature=feature, feature_l=feature.lower(),
                   account=acct, ver=f"{r.randint(2, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}",
                   n=r.randint(3, 45), pct=r.randint(5, 95), dur=r.randint(12, 240),
                   dur2=r.randint(5, 40), money=f"{r.randint(8, 950)},000", cust=r.randint(20, 9000),
                   a=r.randint(90, 99), b=r.randint(50, 89))
        sym_t, sym_s = r.choice(SYMPTOMS)
        title = self.fill(sym_t, ctx)
        title = title[0].upper() + title[1:]
        summary = self.fill(sym_s, ctx)

        # severity and impact, consistent with the playbook's definitions
        sev = r.choices(["P1", "P2", "P3"], [0.40, 0.40, 0.20])[0]
        status = r.choices(["resolved", "contained", "ongoing"], [0.86, 0.08, 0.06])[0]
        # P1: complete outage / revenue over the 100,000 threshold / SLA breach / regulatory;
        # P2: partial degradation for several customers with measurable revenue impact, no P1
        # criterion; P3: none of those (so severity-criteria stays quiet)
        regulatory = sev == "P1" and r.random() < 0.25
        if sev == "P1":
            impact = dict(outage=r.choice(["complete", "complete", "partial"]),
                          customers_affected=r.randint(1, 40),
                          revenue_at_risk=r.randint(101, 2000) * 1000,
                          sla=r.choice(["breached", "breached", "at_risk"]))
        elif sev == "P2":
            impact = dict(outage="partial", customers_affected=r.randint(2, 200),
                          revenue_at_risk=r.randint(5, 99) * 1000, sla=r.choice(["at_risk", "within"]))
        else:
            impact = dict(outage="none", customers_affected=1,
                          revenue_at_risk=0, sla="within")
        impact["reputational_exposure"] = {"P1": "high", "P2": r.choice(["medium", "high"]), "P3": "low"}[sev]
        impact["regulatory_exposure"] = regulatory
        impact["workaround_available"] = sev == "P3" or r.random() < 0.3
        if r.random() < 0.4:
            impact["customer_exec_escalation"] = sev != "P3" and r.random() < 0.6

        used = set()
        lead = self.person(used)
        eng = self.person(used)
        csm = self.person(used)
        iexec = self.person(used)
        cprim = self.person(used)
        cexec = self.person(used)
        legal = self.person(used) if regulatory or r.random() < 0.2 else None
        email = lambda n, dom="example.com": f"{ascii_slug(n)}@{dom}"  # noqa: E731

        # ---- times
        if status == "resolved":
            t0 = self.start + dt.timedelta(minutes=r.randrange(self.span_min))
        else:
            t0 = dt.datetime(2000, 1, 3, tzinfo=UTC)  # shifted below so the last promise is after now
        t0 = t0.replace(second=0, microsecond=0)
        opened = t0 + r.randint(1, 5) * MIN
        triaged = opened + r.randint(2, 15 - int((opened - t0) / MIN)) * MIN
        owners_at = triaged + r.randint(2, 12) * MIN
        facts_at = owners_at + r.randint(0, 8) * MIN
        initial_at = facts_at + r.randint(3, 15) * MIN

        n_prog = min(8, int(r.expovariate(1 / 2.0)))
        if sev == "P3":
            n_prog = min(n_prog, 3)
        comm_times = [initial_at]
        promises = [self.cadence(sev, initial_at)]
        for _ in range(n_prog):
            prev, due = comm_times[-1], promises[-1]
            gap = (due - prev).total_seconds() / 60
            sent = prev + int(gap * r.uniform(0.55, 0.97)) * MIN
            comm_times.append(sent)
            promises.append(self.cadence(sev, sent))

        resolved = status == "resolved"
        if resolved:
            last, due = comm_times[-1], promises[-1]
            gap = (due - last).total_seconds() / 60
            res_confirmed = last + int(gap * r.uniform(0.3, 0.7)) * MIN
            closure = res_confirmed + int(min(gap * 0.25, 25) * r.uniform(0.3, 1.0) + 1) * MIN
            # containment somewhere between triage and resolution
            cont_at = triaged + int((res_confirmed - triaged) / MIN * r.uniform(0.05, 0.9)) * MIN
            rc_at = min(cont_at + r.randint(-20, 40) * MIN, res_confirmed - MIN)
            rc_at = max(rc_at, opened)
        else:
            # shift everything so that now falls between the last comm and its promise
            last, due = comm_times[-1], promises[-1]
            if sev == "P3":
                target_last = self.now - r.randint(60, 600) * MIN
                due_new = self.cadence(sev, target_last)
                if due_new <= self.now:
                    target_last = self.now - 30 * MIN
            else:
                gap = (due - last).total_seconds() / 60
                target_last = self.now - int(gap * r.uniform(0.1, 0.85)) * MIN
            shift = target_last - last
            t0, opened, triaged, owners_at, facts_at = (x + shift for x in (t0, opened, triaged, owners_at, facts_at))
            comm_times = [x + shift for x in comm_times]
            promises = [self.cadence(sev, x) for x in comm_times]
            if status == "contained":
                cont_at = triaged + int((comm_times[-1] - triaged) / MIN * r.uniform(0.1, 0.95)) * MIN
                rc_at = cont_at + r.randint(0, 10) * MIN if r.random() < 0.7 else None
                if rc_at is not None and rc_at > self.now:
                    rc_at = None
            else:
                cont_at = None
                rc_at = None

        # ---- stakeholders
        grid = [
            dict(role="escalation_lead", name=lead, contact=email(lead), owner=lead),
            dict(role="customer_primary", name=cprim, contact=email(cprim, acct_dom), owner=lead),
            dict(role="customer_exec_sponsor", name=cexec, contact=email(cexec, acct_dom), owner=iexec),
            dict(role="engineering_lead", name=eng, contact=email(eng), owner=eng),
            dict(role="csm", name=csm, contact=email(csm), owner=csm),
            dict(role="internal_exec_sponsor", name=iexec, contact=email(iexec), owner=lead),
        ]
        if legal:
            grid.append(dict(role="legal", name=legal, contact=email(legal), owner=lead))
        for s in grid:
            if r.random() < 0.08:
                s["frequency"] = {"escalation_lead": "continuous", "engineering_lead": "continuous",
                                  "customer_primary": "per_cadence", "csm": "per_cadence",
                                  "legal": "as_needed"}.get(s["role"], "milestones")
            if r.random() < 0.05:
                s["channel"] = {"customer_primary": "email_call", "customer_exec_sponsor": "email_call",
                                "csm": "internal_customer"}.get(s["role"], "internal")
            s["owner"] = s.pop("owner")

        # ---- timeline
        rows = []

        def ms(name, at, who):
            row = dict(milestone=name, at=at, confirmed_by=who, owner=who)
            if r.random() < 0.15:
                row["note"] = r.choice(NOTES)
            rows.append(row)

        ms("first_signal", t0, eng)
        ms("escalation_opened", opened, lead)
        ms("triage_completed", triaged, lead)
        if cont_at is not None:
            ms("containment", cont_at, eng)
        if rc_at is not None:
            ms("root_cause_identified", rc_at, eng)
        ms("customer_notified", initial_at if resolved else comm_times[0], lead)
        if resolved:
            ms("resolution_confirmed", res_confirmed, eng)
            ms("closure_comms_sent", closure, lead)
            res_day = res_confirmed.date()
            sched_day = add_business_days(res_day, r.randint(1, 2))
            pir_sched_at = dt.datetime.combine(sched_day, dt.time(r.randint(8, 11), r.choice([0, 15, 30, 45])), UTC)
            ms("pir_scheduled", pir_sched_at, csm)
            rows[-1]["owner"] = lead
        for _ in range(r.choices([0, 1, 2], [0.65, 0.25, 0.10])[0]):
            lo, hi = rows[0]["at"], rows[-1]["at"]
            at = lo + int((hi - lo) / MIN * r.random()) * MIN
            ev = dict(event=self.fill(r.choice(EVENTS), ctx), at=at, owner=r.choice([lead, eng, csm]))
            if r.random() < 0.3:
                ev["note"] = r.choice(NOTES)
            rows.append(ev)
        rows.sort(key=lambda x: x["at"])
        for row in rows:
            row["at"] = fmt_ts(row["at"])

        # ---- communications
        comms = []
        contained_at = cont_at
        for i, sent in enumerate(comm_times):
            st = "contained" if contained_at is not None and contained_at <= sent else "ongoing"
            if i == 0:
                c = dict(type="initial", sent_at=fmt_ts(sent), owner=lead, status=st,
                         impact=self.fill(r.choice(UPDATE_IMPACT), dict(ctx, t1=t0.strftime("%H:%M"),
                                                                         t2=sent.strftime("%H:%M"))),
                         next_update_by=fmt_ts(promises[i]))
            else:
                eta = sent + (promises[i] - sent) * r.uniform(0.3, 0.9)
                c = dict(type="progress", number=i, sent_at=fmt_ts(sent), owner=lead, status=st,
                         progress=self.fill(r.choice(PROGRESS), ctx),
                         next_action=dict(action=self.fill(r.choice(NEXT_ACTIONS), ctx),
                                          owner=r.choice([eng, eng, lead]),
                                          eta=fmt_ts(eta.replace(second=0, microsecond=0))),
                         next_update_by=fmt_ts(promises[i]))
            if r.random() < 0.03:
                c["cc"] = [email(legal or iexec)]
            comms.append(c)
        if resolved:
            pir_share = add_business_days(res_confirmed.date(), r.randint(8, 10))
            comms.append(dict(
                type="resolution", sent_at=fmt_ts(closure), owner=lead,
                resolution_summary=self.fill(r.choice(RESOLUTION_SUMMARY), ctx),
                actions_taken=[self.fill(a, ctx) for a in r.sample(ACTIONS, r.randint(2, 4))],
                preventative_measures=[self.fill(a, ctx) for a in r.sample(PREVENTATIVE, r.randint(1, 3))],
                pir_share_by=fmt_date(pir_share)))

        # ---- record
        rec = dict(version=1, id=Raw(rid), title=title, summary=summary,
                   account=dict(name=acct, contract_tier=r.choice(TIERS)),
                   severity=Raw(sev), status=status,
                   escalation_lead=dict(name=lead, title=r.choice(LEAD_TITLES), contact=email(lead)),
                   triage=dict(genuine=True, impact=impact),
                   facts=dict(root_cause=self.fill(r.choice(ROOT_CAUSES), ctx),
                              root_cause_status="confirmed" if (resolved or rc_at) else "hypothesis",
                              affected=affected, status=comms[0]["status"], confirmed_by=eng,
                              confirmed_at=fmt_ts(facts_at),
                              confirmation_ref=f"Email from {eng} to {lead}, {facts_at:%H:%M} UTC"),
                   owners_confirmed_at=fmt_ts(owners_at),
                   stakeholders=grid, timeline=rows, communications=comms)
        if resolved:
            sched_for = add_business_days(pir_sched_at.date(), r.randint(0, 2))
            sched_for = min(sched_for, add_business_days(res_day, 5))
            deliver = add_business_days(sched_for, r.randint(1, 4))
            deliver = min(deliver, add_business_days(res_day, 10))
            attendees = ["escalation_lead", "engineering_lead", "csm", "customer_primary"]
            if r.random() < 0.3:
                attendees.append(r.choice(["internal_exec_sponsor", "customer_exec_sponsor"]))
            rec["pir"] = dict(scheduled_for=fmt_ts(dt.datetime.combine(sched_for, dt.time(14, 0), UTC)),
                              attendees=Flow(attendees), delivered_at=fmt_date(deliver),
                              lessons_logged=True)
        n_sent = r.choice([2, 2, 3])
        impact_sents = [self.fill(r.choice(IMPACT_1), ctx), self.fill(r.choice(IMPACT_2), ctx)]
        if n_sent == 3:
            impact_sents.append(self.fill(r.choice(IMPACT_3), ctx))
        readout = dict(impact_summary=Folded(" ".join(impact_sents)),
                       resolution_actions=[self.fill(a, ctx) for a in r.sample(ACTIONS, r.randint(1, 5))])
        if impact["sla"] == "breached":
            readout["sla_breach_detail"] = f"Monthly availability of 99.{ctx['a']}% breached; 99.{ctx['b']}% delivered."
        if resolved or r.random() < 0.5:
            readout["customer_sentiment"] = r.choice(SENTIMENT)
        # due dates after --now, so that commitment-overdue (a warning) stays quiet
        readout["commitments"] = [
            dict(commitment=self.fill(c, ctx), owner=r.choice([eng, csm, lead, iexec]),
                 due=fmt_date(self.now.date() + dt.timedelta(days=r.randint(7, 180))))
            for c in r.sample(COMMITMENTS, r.randint(1, 4))]
        rec["readout"] = readout
        if r.random() < 0.03:
            rule, reason = r.choice(WAIVE_REASONS)
            rec["waivers"] = [dict(rule=rule, reason=reason, approved_by=iexec)]

        head = (f"# Synthetic escalation record for benchmarking (gen.py). {status.capitalize()} {sev}.\n")
        return rid, head + "".join(emit(rec, 0, []))


def parse_now(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--now", default="2026-11-20T12:00:00Z")
    ap.add_argument("--verify", action="store_true", help="re-load every record with PyYAML")
    a = ap.parse_args(argv)
    os.makedirs(a.outdir, exist_ok=True)
    g = Gen(a.seed, parse_now(a.now))
    total = 0
    for i in range(1, a.n + 1):
        rid, text = g.record(i)
        data = text.encode("utf-8")
        total += len(data)
        if a.verify:
            rec = yaml.load(data, Loader=yaml.CSafeLoader)
            assert isinstance(rec, dict) and rec["id"] == rid, rid
        with open(os.path.join(a.outdir, rid + ".yaml"), "wb") as f:
            f.write(data)
    print(f"wrote {a.n} records to {a.outdir}: {total} bytes, {total / max(a.n, 1):.0f} bytes/record",
          file=sys.stderr)


if __name__ == "__main__":
    main()
