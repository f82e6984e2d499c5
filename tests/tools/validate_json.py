#!/usr/bin/python3
"""Test helper: validate a JSON document against a JSON Schema.

Run with Debian's /usr/bin/python3 (it needs python3-jsonschema):

    /usr/bin/python3 tests/tools/validate_json.py SCHEMA INSTANCE

The validator follows the schema's "$schema" (draft 2020-12, draft-07, draft-04 - the SARIF
2.1.0 schema is draft-04 - ...); a schema without one is treated as 2020-12. The schema itself is
checked first. Formats are checked where jsonschema can. Every error is printed with the path of
the offending value; the exit status is 0 when the document is valid, 1 when it is not and 2 on
a usage or read error.
"""

import json
import sys

import jsonschema
from jsonschema import validators


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} SCHEMA INSTANCE", file=sys.stderr)
        return 2
    try:
        schema = load(argv[1])
        instance = load(argv[2])
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    cls = validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"{argv[1]}: invalid {cls.__name__} schema: {e.message}", file=sys.stderr)
        return 1

    checker = getattr(cls, "FORMAT_CHECKER", None)
    validator = cls(schema, format_checker=checker)
    errors = sorted(validator.iter_errors(instance),
                    key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{argv[2]}: {where}: {e.message}", file=sys.stderr)
    if errors:
        print(f"{argv[2]}: {len(errors)} error(s) against {argv[1]} ({cls.__name__})",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
