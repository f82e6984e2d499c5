#!/usr/bin/python3
"""Validates YAML documents against a JSON Schema (2020-12). Test-only; needs Debian's
python3-jsonschema and python3-yaml, so run it with /usr/bin/python3.

Usage: validate_yaml.py SCHEMA FILE...   exits 1 and prints the errors if any file is invalid.
"""
import datetime
import json
import sys

import jsonschema
import yaml


def plain(value):
    # PyYAML turns timestamps and dates into datetime objects; JSON Schema sees strings.
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main():
    schema = json.load(open(sys.argv[1]))
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        doc = plain(yaml.safe_load(open(path, encoding="utf-8")))
        for error in validator.iter_errors(doc):
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
