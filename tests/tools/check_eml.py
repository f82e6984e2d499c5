#!/usr/bin/python3
"""Parses an `escalate next` draft with Python's email package (policy=email.policy.default) and
checks it: no defects in the message or its headers, the expected Subject, From, To and Cc, a
Date, a Message-ID, UTF-8 text/plain, and a body holding the given texts.

usage: check_eml.py DRAFT.eml SUBJECT FROM TO CC [BODY_TEXT...]
  (CC may be '' for none; FROM, TO and CC are compared as addresses, e.g. 'a@x.example,b@x.example')
"""
import email
import email.policy
import sys


def addresses(header):
    if header is None:
        return []
    return [a.addr_spec for a in header.addresses]


def main():
    path, subject, sender, to, cc, *texts = sys.argv[1:]
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    problems = []
    if msg.defects:
        problems.append(f"message defects: {msg.defects}")
    for name, value in msg.items():
        if getattr(value, "defects", None):
            problems.append(f"header {name} defects: {value.defects}")
    if msg["Subject"] != subject:
        problems.append(f"Subject {msg['Subject']!r}, want {subject!r}")
    if addresses(msg["From"]) != [sender]:
        problems.append(f"From {addresses(msg['From'])}, want {sender}")
    if addresses(msg["To"]) != to.split(","):
        problems.append(f"To {addresses(msg['To'])}, want {to}")
    want_cc = cc.split(",") if cc else []
    if addresses(msg["Cc"]) != want_cc:
        problems.append(f"Cc {addresses(msg['Cc'])}, want {want_cc}")
    if msg["Date"] is None or msg["Date"].datetime is None:
        problems.append("no Date")
    if not msg["Message-ID"]:
        problems.append("no Message-ID")
    if msg.get_content_type() != "text/plain" or msg.get_content_charset() != "utf-8":
        problems.append(f"content {msg.get_content_type()} {msg.get_content_charset()}")
    body = msg.get_content()
    for text in texts:
        if text not in body:
            problems.append(f"body lacks {text!r}")
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
