#!/usr/bin/python3
"""Test helper: parse an .eml file the way a standards-following client would and print what it
saw as JSON, so C++ tests can check that our MIME output decodes back to the original text.

Run with Debian's /usr/bin/python3 (the stdlib email package is all it needs):

    /usr/bin/python3 tests/tools/parse_eml.py message.eml

Output: {"defects": [...], "headers": {...}, "addresses": {...}, "body": ...}
  defects    class names of every defect the parser recorded, on the message, on every MIME
             part and on every header (an empty list means the message is clean)
  headers    every header's decoded value (RFC 2047 words decoded, folding undone); repeated
             headers are joined with "\n"
  addresses  for address headers (From, To, Cc, ...): [{"display_name", "addr_spec"}, ...]
  body       get_content() of the text/plain part (str), or null if there is none
"""

import email
import email.policy
import json
import sys


def main() -> int:
    with open(sys.argv[1], "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)

    defects = []
    headers = {}
    addresses = {}
    for part in msg.walk():
        defects.extend(type(d).__name__ for d in part.defects)
        for _name, value in part.items():
            defects.extend(type(d).__name__ for d in getattr(value, "defects", ()))

    for name in dict.fromkeys(msg.keys()):  # unique names, in file order
        values = msg.get_all(name)
        headers[name] = "\n".join(str(v) for v in values)
        found = [a for v in values for a in getattr(v, "addresses", ())]
        if found:
            addresses[name] = [
                {"display_name": a.display_name, "addr_spec": a.addr_spec} for a in found
            ]

    body_part = msg.get_body(preferencelist=("plain",))
    body = body_part.get_content() if body_part is not None else None

    json.dump({"defects": defects, "headers": headers, "addresses": addresses, "body": body},
              sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
