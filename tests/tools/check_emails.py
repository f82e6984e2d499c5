#!/usr/bin/python3
"""Checks the .eml files of a PIR pack the way a mail client would read them (Python's email
package with policy=default): no defects, decoded headers as expected, threading chained under
the initial notification. Test-only; run with /usr/bin/python3.

Usage: check_emails.py PACK_DIR EXPECTATIONS.json
EXPECTATIONS: {"NN-name.eml": {"Subject": "...", "To": "...", "Cc": "...", "body_contains": [...]}}
"""
import email
import email.policy
import json
import os
import sys


def main():
    pack, expected = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    folder = os.path.join(pack, "emails")
    names = sorted(os.listdir(folder))
    problems = []
    if names != sorted(expected):
        problems.append(f"emails {names}, expected {sorted(expected)}")
    first_id = None
    for name in names:
        raw = open(os.path.join(folder, name), "rb").read()
        if b"\n" in raw.replace(b"\r\n", b""):
            problems.append(f"{name}: a bare LF line end")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        defects = list(msg.defects)
        for key in msg.keys():
            defects += list(getattr(msg[key], "defects", []))
        if defects:
            problems.append(f"{name}: defects {defects}")
        body = msg.get_content()
        if msg.get_content_type() != "text/plain" or msg.get_content_charset() != "utf-8":
            problems.append(f"{name}: content type {msg.get_content_type()} {msg.get_content_charset()}")
        mid = msg["Message-ID"]
        if first_id is None:
            first_id = mid
            if msg["In-Reply-To"] or msg["References"]:
                problems.append(f"{name}: the initial notification must not reply to anything")
        else:
            if msg["In-Reply-To"] != first_id or first_id not in (msg["References"] or ""):
                problems.append(f"{name}: not threaded under {first_id}: {msg['In-Reply-To']} / {msg['References']}")
        for header, want in expected.get(name, {}).items():
            if header == "body_contains":
                for text in want:
                    if text not in body:
                        problems.append(f"{name}: body lacks {text!r}")
            elif header == "absent_headers":
                for h in want:
                    if msg[h] is not None:
                        problems.append(f"{name}: has a {h} header")
            elif str(msg[header]) != want:
                problems.append(f"{name}: {header} is {str(msg[header])!r}, expected {want!r}")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
