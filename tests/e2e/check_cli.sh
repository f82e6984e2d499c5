#!/usr/bin/env bash
# escalate check end to end: exit codes, every report format, stdin, folders, -j, config.
source "$(dirname "$0")/lib.sh"

expect_exit 0 "the example record is clean" -- "$ESCALATE" check --now $NOW fixtures/ESC-2026-0142.yaml
expect_contains "$TMP/out" "no problems in 1 record" "clean summary line"

# Each bad fixture: its rule at its line:col, in every format.
check_one() {  # FILE RULE LINE COL EXIT
  local f=$1 rule=$2 line=$3 col=$4 code=$5
  expect_exit "$code" "$f exits $code" -- "$ESCALATE" check --now $NOW "$f"
  expect_contains "$TMP/out" "$f:$line:$col: " "$f text at $line:$col"
  expect_contains "$TMP/out" "[$rule]" "$f text names $rule"
  "$ESCALATE" check --now $NOW --format json "$f" > "$TMP/r.json"
  $PY - "$TMP/r.json" "$rule" "$line" "$col" <<'PY' && pass "$f json" || fail "$f json"
import json, sys
doc = json.load(open(sys.argv[1]))
ds = doc["files"][0]["diagnostics"]
assert any(d["rule"] == sys.argv[2] and d["line"] == int(sys.argv[3]) and d["column"] == int(sys.argv[4]) for d in ds), ds
PY
  "$ESCALATE" check --now $NOW --format sarif "$f" > "$TMP/r.sarif"
  $PY - "$TMP/r.sarif" "$rule" "$line" "$col" <<'PY' && pass "$f sarif" || fail "$f sarif"
import json, sys
doc = json.load(open(sys.argv[1]))
rs = doc["runs"][0]["results"]
assert any(r["ruleId"] == sys.argv[2] and r["locations"][0]["physicalLocation"]["region"]["startLine"] == int(sys.argv[3])
           and r["locations"][0]["physicalLocation"]["region"]["startColumn"] == int(sys.argv[4]) for r in rs), rs
PY
  "$ESCALATE" check --now $NOW --format junit "$f" > "$TMP/r.xml"
  expect_contains "$TMP/r.xml" ":$line:$col: " "$f junit: the finding's line:col"
  expect_contains "$TMP/r.xml" " [$rule]" "$f junit: the finding's rule"
  "$ESCALATE" check --now $NOW --format github "$f" > "$TMP/r.gh"
  expect_contains "$TMP/r.gh" "line=$line,col=$col,title=$rule::" "$f github"
}
check_one fixtures/bad/duplicate-key.yaml schema 14 1 1
check_one fixtures/bad/unknown-key.yaml schema 6 1 1
check_one fixtures/bad/timestamp-no-zone.yaml schema 40 22 1
check_one fixtures/bad/yaml-syntax.yaml yaml-syntax 35 9 1
check_one fixtures/bad/header-injection.yaml schema 5 8 1
check_one fixtures/bad/timestamp-offset.yaml timestamp-utc 37 17 0
expect_exit 1 "--strict fails on a warning" -- "$ESCALATE" check --strict --now $NOW fixtures/bad/timestamp-offset.yaml

# SARIF validates against the OASIS schema; JUnit parses with the structure of SPEC section 7.
"$ESCALATE" check --now $NOW --format sarif fixtures/ fixtures/bad/ > "$TMP/all.sarif"
$PY tests/tools/validate_json.py tests/data/sarif-schema-2.1.0.json "$TMP/all.sarif" && pass "SARIF validates" || fail "SARIF invalid"
"$ESCALATE" check --now $NOW --format json fixtures/ > "$TMP/all.json"
$PY tests/tools/validate_json.py schemas/report.schema.json "$TMP/all.json" && pass "JSON report validates" || fail "JSON report invalid"
"$ESCALATE" check --now $NOW --format junit fixtures/ > "$TMP/all.xml"
$PY - "$TMP/all.xml" <<'PY' && pass "JUnit structure" || fail "JUnit structure"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert suites, "no testsuite"
for s in suites:
    names = [c.get("name") for c in s.findall("testcase")]
    assert names and len(names) == len(set(names)), names
    for c in s.findall("testcase"):
        for f in c.findall("failure"):
            assert f.get("message") and f.get("type")
PY

# stdin, folders, -j.
expect_exit 0 "stdin" -- bash -c "\"$ESCALATE\" check --now $NOW - --stdin-filename rec.yaml < fixtures/ESC-2026-0142.yaml"
expect_exit 1 "stdin names the file" -- bash -c "\"$ESCALATE\" check --now $NOW - --stdin-filename named.yaml < fixtures/bad/unknown-key.yaml"
expect_contains "$TMP/out" "named.yaml:6:1:" "stdin filename in the report"
"$ESCALATE" check --now $NOW -j 1 --format json fixtures/ > "$TMP/j1.json"
"$ESCALATE" check --now $NOW -j 4 --format json fixtures/ > "$TMP/j4.json"
cmp -s "$TMP/j1.json" "$TMP/j4.json" && pass "-j 1 and -j 4 identical" || fail "-j changes the output"

# Usage, configuration and I/O errors are exit 2.
expect_exit 2 "missing file" -- "$ESCALATE" check nonexistent.yaml
expect_contains "$TMP/err" "cannot read 'nonexistent.yaml'" "missing file message"
expect_exit 2 "bad flag" -- "$ESCALATE" check --frobnicate fixtures/
expect_exit 2 "bad --now" -- "$ESCALATE" check --now yesterday fixtures/
mkdir -p "$TMP/repo/.git" "$TMP/repo/incidents"
cp fixtures/ESC-2026-0142.yaml "$TMP/repo/incidents/"
printf 'triage_window: 15m\ncadence: {P1: 1hour}\n' > "$TMP/repo/.escalate.yaml"
expect_exit 2 "bad discovered config" -- "$ESCALATE" check --now $NOW "$TMP/repo/incidents"
expect_contains "$TMP/err" ".escalate.yaml:2:" "config error has file:line"
# A cadence beyond a year is a configuration error at its line, not minutes of calendar walking.
printf 'cadence: {P3: 2147483647bd}\n' > "$TMP/repo/.escalate.yaml"
expect_exit 2 "a cadence of two billion business days" -- timeout 20 "$ESCALATE" check --now $NOW "$TMP/repo/incidents"
expect_contains "$TMP/err" ".escalate.yaml:1:15:" "huge cadence: file:line:col"
expect_contains "$TMP/err" "at most a year" "huge cadence: the limit said"
expect_exit 2 "status --within beyond a year" -- timeout 20 "$ESCALATE" status --now $NOW --within 2147483647bd fixtures/ESC-2026-0142.yaml
expect_contains "$TMP/err" "at most a year" "huge --within: the limit said"
printf 'rules: {timestamp-utc: off}\n' > "$TMP/repo/.escalate.yaml"
rm "$TMP/repo/incidents/ESC-2026-0142.yaml"; cp fixtures/bad/timestamp-offset.yaml "$TMP/repo/incidents/"
expect_exit 0 "discovered config turns a rule off" -- "$ESCALATE" check --strict --now $NOW "$TMP/repo/incidents"

# duplicate-id across a batch.
cp fixtures/ESC-2026-0142.yaml "$TMP/copy.yaml"
expect_exit 1 "duplicate id" -- "$ESCALATE" check --now $NOW fixtures/ESC-2026-0142.yaml "$TMP/copy.yaml"
expect_contains "$TMP/out" "[duplicate-id]" "duplicate-id reported"

# The checked-in schemas are what the binary prints, and the example validates against it.
"$ESCALATE" schema | cmp -s - schemas/incident.schema.json && pass "incident schema current" || fail "schemas/incident.schema.json differs from 'escalate schema' (regenerate: escalate schema > schemas/incident.schema.json)"
"$ESCALATE" schema config | cmp -s - schemas/config.schema.json && pass "config schema current" || fail "schemas/config.schema.json differs from 'escalate schema config'"
$PY tests/tools/validate_yaml.py schemas/incident.schema.json fixtures/ESC-2026-0142.yaml && pass "example validates against the schema" || fail "example invalid against schema"

# rules / explain / init.
expect_exit 0 "rules" -- "$ESCALATE" rules
expect_contains "$TMP/out" "schema" "rules lists schema"
! grep -qF '`' "$TMP/out" && pass "rules (plain) prints no Markdown code marks" || fail "rules (plain) prints backticks"
expect_exit 0 "explain a rule with a list" -- "$ESCALATE" explain timeline-order
expect_contains "$TMP/out" "    - first_signal <= escalation_opened <= triage_completed <= customer_notified;" "explain keeps a list's items on their own lines, indented"
expect_exit 0 "explain" -- "$ESCALATE" explain timestamp-utc
expect_contains "$TMP/out" "Fails" "explain shows a failing example"
expect_exit 2 "explain unknown" -- "$ESCALATE" explain timestamp-ut
expect_contains "$TMP/err" "did you mean 'timestamp-utc'" "explain suggests"
expect_exit 0 "init" -- "$ESCALATE" init --id ESC-2026-0999
expect_contains "$TMP/out" "yaml-language-server: \$schema=" "init writes the modeline"
for key in "previous_leads:" "confirmations:" "done: false" "done_at:" "reference:" "x-jira"; do
  expect_contains "$TMP/out" "$key" "init shows $key"
done
expect_exit 0 "schema" -- "$ESCALATE" schema
for key in '"previous_leads"' '"confirmations"' '"done"' '"done_at"' '"reference"' '"^x-."'; do
  expect_contains "$TMP/out" "$key" "schema has $key"
done
expect_exit 0 "schema config" -- "$ESCALATE" schema config
expect_contains "$TMP/out" '"exclude"' "config schema has exclude"
expect_exit 0 "--version" -- "$ESCALATE" --version

# SARIF paths are relative to the repository root whatever folder escalate runs in.
mkdir -p "$TMP/repo2/.git" "$TMP/repo2/incidents"
cp fixtures/bad/unknown-key.yaml "$TMP/repo2/incidents/typo.yaml"
( cd "$TMP/repo2/incidents" && "$ESCALATE" check --format sarif . > "$TMP/sub.sarif" )
expect_contains "$TMP/sub.sarif" '"uri": "incidents/typo.yaml"' "SARIF uri is repo-relative from a subfolder"
# A byte order mark does not move any column.
printf '\xEF\xBB\xBF' > "$TMP/bom.yaml"; cat fixtures/bad/unknown-key.yaml >> "$TMP/bom.yaml"
expect_exit 1 "a record with a BOM" -- "$ESCALATE" check --now $NOW "$TMP/bom.yaml"
expect_contains "$TMP/out" "bom.yaml:6:1: error: unknown key 'sumary'" "BOM: same line:col as without"

# Baseline: today's findings are recorded; only new ones fail.
expect_exit 0 "write a baseline" -- "$ESCALATE" check --now $NOW --write-baseline "$TMP/baseline.json" fixtures/bad/
expect_exit 0 "baselined findings do not fail" -- "$ESCALATE" check --now $NOW --baseline "$TMP/baseline.json" fixtures/bad/
expect_contains "$TMP/out" "baselined" "summary says how many were baselined"
cp fixtures/bad/unknown-key.yaml "$TMP/moved.yaml"
sed -i '1i # an unrelated edit that moves every line down' "$TMP/moved.yaml"
mkdir -p "$TMP/bl" && cp "$TMP/moved.yaml" "$TMP/bl/"
"$ESCALATE" check --now $NOW --write-baseline "$TMP/bl.json" fixtures/bad/unknown-key.yaml >/dev/null 2>&1
expect_exit 0 "fingerprints survive unrelated edits" -- "$ESCALATE" check --now $NOW --baseline "$TMP/bl.json" "$TMP/bl/moved.yaml"
expect_exit 1 "a new finding still fails" -- "$ESCALATE" check --now $NOW --baseline "$TMP/bl.json" fixtures/bad/duplicate-key.yaml
printf 'not json' > "$TMP/badbl.json"
expect_exit 2 "an invalid baseline is a usage error" -- "$ESCALATE" check --now $NOW --baseline "$TMP/badbl.json" fixtures/bad/

# Waived findings are listed as waived in the reports (SARIF suppressions).
{ cat fixtures/rules/triage-genuine.yaml; printf 'waivers:\n  - rule: triage-genuine\n    reason: Worked as an escalation at the VP'"'"'s request.\n    approved_by: Malik Chen\n'; } > "$TMP/waived.yaml"
expect_exit 0 "a waived finding does not fail" -- "$ESCALATE" check --now $NOW "$TMP/waived.yaml"
expect_contains "$TMP/out" "waived" "text lists the waived finding"
"$ESCALATE" check --now $NOW --format sarif "$TMP/waived.yaml" > "$TMP/w.sarif"
expect_contains "$TMP/w.sarif" '"kind": "inSource"' "SARIF suppression for a waiver"

# Output that cannot be written is never a success: a full disk (/dev/full) or a closed stdout
# is an I/O error (exit 2) with a message, for every command that prints to stdout.
while IFS= read -r cmd; do
  eval "\"\$ESCALATE\" $cmd" >/dev/full 2>"$TMP/err"; got=$?
  [ $got = 2 ] && grep -q "cannot write standard output" "$TMP/err" && pass "stdout full: $cmd" \
    || { fail "stdout full: $cmd: exit $got"; sed 's/^/  | /' "$TMP/err" >&2; }
done <<EOF2
check --now $NOW --format sarif fixtures/ESC-2026-0142.yaml
check --now $NOW fixtures/ESC-2026-0142.yaml
status --now $NOW --format ics fixtures/ESC-2026-0142.yaml
next --now 2026-11-02T10:25:00Z -o - tests/data/next/ESC-2026-0302.yaml
rules
schema
init
explain owner-missing
--version
check --help
EOF2
# A report is never written over one of the command's inputs (a slip that lost the record).
mkdir -p "$TMP/same"
cp fixtures/ESC-2026-0142.yaml "$TMP/same/r.yaml"
cp fixtures/drafts/clean/progress.txt "$TMP/same/d.txt"
cp tests/data/next/ESC-2026-0302.yaml "$TMP/same/n.yaml"
ln -s r.yaml "$TMP/same/link.yaml"
printf 'currency: GBP\n' >"$TMP/same/c.yaml"
while IFS= read -r cmd; do
  eval "\"\$ESCALATE\" $cmd" >/dev/null 2>"$TMP/err"; got=$?
  if [ $got = 2 ] && grep -q "it is the input" "$TMP/err" && cmp -s "$TMP/same/r.yaml" fixtures/ESC-2026-0142.yaml \
     && cmp -s "$TMP/same/d.txt" fixtures/drafts/clean/progress.txt && cmp -s "$TMP/same/n.yaml" tests/data/next/ESC-2026-0302.yaml \
     && [ "$(cat "$TMP/same/c.yaml")" = "currency: GBP" ]; then
    pass "output over an input refused: $cmd"
  else
    fail "output over an input: $cmd: exit $got"; sed 's/^/  | /' "$TMP/err" >&2
    cp fixtures/ESC-2026-0142.yaml "$TMP/same/r.yaml"; cp fixtures/drafts/clean/progress.txt "$TMP/same/d.txt"
    cp tests/data/next/ESC-2026-0302.yaml "$TMP/same/n.yaml"; printf 'currency: GBP\n' >"$TMP/same/c.yaml"
  fi
done <<EOF2
check --now $NOW -o $TMP/same/r.yaml $TMP/same/r.yaml
check --now $NOW --write-baseline $TMP/same/r.yaml $TMP/same/
check --now $NOW -o $TMP/same/../same/r.yaml $TMP/same
build --now $NOW --junit $TMP/same/r.yaml -o $TMP/same/packs $TMP/same/r.yaml
status --now $NOW -o $TMP/same/r.yaml $TMP/same/r.yaml
report --now $NOW --format csv -o $TMP/same/r.yaml $TMP/same/r.yaml
lint-comms --now $NOW -o $TMP/same/d.txt $TMP/same/d.txt
next --now 2026-11-02T10:25:00Z --force -o $TMP/same/n.yaml $TMP/same/n.yaml
check --now $NOW -o $TMP/same/r.yaml $TMP/same/link.yaml
check --now $NOW --config $TMP/same/c.yaml -o $TMP/same/c.yaml $TMP/same/r.yaml
lint-comms --now $NOW --incident $TMP/same/r.yaml -o $TMP/same/r.yaml $TMP/same/d.txt
EOF2
"$ESCALATE" rules >&- 2>"$TMP/err"; got=$?
[ $got = 2 ] && grep -q "cannot write standard output" "$TMP/err" && pass "stdout closed: rules" || fail "stdout closed: rules: exit $got"

finish
