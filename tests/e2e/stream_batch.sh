#!/usr/bin/env bash
# Reports of a large batch, written as the records finish: a generated corpus plus the fixtures
# (errors, notes, waivers, duplicate ids, non-ASCII). Every format is the same for -j 1 and -j 3,
# to stdout or to a file; the JSON-based outputs are exactly their own pretty-printed document;
# the counts ahead of each list agree with the list; build's summary.json and side reports agree
# with check. Nothing is left in the temporary folder.
source "$(dirname "$0")/lib.sh"

W=$TMP/w
mkdir -p "$W" "$TMP/tmpdir"
$PY tests/tools/gen_corpus.py 600 "$W/corpus" --seed 7 --now $NOW >/dev/null || fail "corpus generated"
cp -r fixtures "$W/fixtures"
cp "$W/corpus/$(ls "$W/corpus" | head -1)" "$W/corpus/zz-duplicate.yaml"  # the same id twice
cd "$W"
export TMPDIR=$TMP/tmpdir

for f in text json junit sarif github; do
  "$ESCALATE" check --now $NOW --format $f -j 1 fixtures corpus >"$TMP/$f.j1" 2>"$TMP/$f.err"; rc=$?
  [ $rc = 1 ] && pass "$f: exit 1 (findings)" || fail "$f: exit $rc"
  "$ESCALATE" check --now $NOW --format $f -j 3 fixtures corpus >"$TMP/$f.j3" 2>/dev/null
  cmp -s "$TMP/$f.j1" "$TMP/$f.j3" && pass "$f: -j 1 and -j 3 identical" || fail "$f: -j changes the report"
  "$ESCALATE" check --now $NOW --format $f -o "$TMP/$f.file" fixtures corpus >/dev/null 2>&1
  cmp -s "$TMP/$f.j1" "$TMP/$f.file" && pass "$f: -o FILE identical to stdout" || fail "$f: -o FILE differs"
done
[ "$(ls -A "$TMP/tmpdir")" = "" ] && pass "no temporary file left" || fail "left in TMPDIR: $(ls -A "$TMP/tmpdir")"
[ "$(ls "$TMP" | grep -c '\.tmp\.')" = 0 ] && pass "no temporary report file left" || fail "$(ls "$TMP")"
[ "$(wc -c <"$TMP/json.j1")" -gt 65536 ] && pass "the JSON report outgrows the spool's buffer" || fail "batch too small"

$PY - "$TMP" <<'PY' && pass "documents are their own pretty print; counts agree" || fail "streamed documents"
import json, sys, xml.etree.ElementTree as ET
t = sys.argv[1]
for name in ("json.j1", "sarif.j1"):
    text = open(f"{t}/{name}", encoding="utf-8").read()
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", name
rep = json.load(open(f"{t}/json.j1", encoding="utf-8"))
diags = [d for f in rep["files"] for d in f["diagnostics"]]
counted = [d for d in diags if d["suppression"] is None]
s = rep["summary"]
assert s["files"] == len(rep["files"]) and len(rep["files"]) > 601, s
assert s["errors"] == sum(d["severity"] == "error" for d in counted), s
assert s["warnings"] == sum(d["severity"] == "warning" for d in counted), s
assert s["files_with_findings"] == sum(any(d["suppression"] is None for d in f["diagnostics"]) for f in rep["files"])
assert any(d["rule"] == "duplicate-id" for d in diags), "duplicate-id"
sarif = json.load(open(f"{t}/sarif.j1", encoding="utf-8"))
run = sarif["runs"][0]
assert len(run["results"]) == len(diags), (len(run["results"]), len(diags))
for r in run["results"]:
    assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"], r
root = ET.parse(f"{t}/junit.j1").getroot()
suites = root.findall("testsuite")
assert len(suites) == len(rep["files"])
assert int(root.get("tests")) == sum(int(x.get("tests")) for x in suites)
assert int(root.get("failures")) == sum(int(x.get("failures")) for x in suites) == s["errors"]
text = open(f"{t}/text.j1", encoding="utf-8").read().splitlines()
assert text[-1].startswith(f"{s['errors']} errors"), text[-1]
PY

# A baseline of today's findings: written streaming, then every finding is baselined.
"$ESCALATE" check --now $NOW --write-baseline "$TMP/base.json" fixtures corpus 2>/dev/null
$PY -c "import json,sys; t=open(sys.argv[1]).read(); assert t == json.dumps(json.loads(t), indent=2, ensure_ascii=False) + '\n'" \
  "$TMP/base.json" && pass "baseline file is its own pretty print" || fail "baseline layout"
expect_exit 0 "--baseline: nothing new" -- "$ESCALATE" check --now $NOW --baseline "$TMP/base.json" fixtures corpus
expect_contains "$TMP/out" "baselined" "baselined findings counted"

# build: summary.json, --junit and --sarif as the records finish, agreeing with check.
"$ESCALATE" build --quiet --now $NOW -j 2 corpus fixtures/ESC-2026-0142.yaml -o "$TMP/packs" \
  --junit "$TMP/b.junit" --sarif "$TMP/b.sarif" --format json >"$TMP/b.json" 2>"$TMP/b.err"; rc=$?
[ $rc = 1 ] && pass "build: exit 1 (the duplicate id)" || { fail "build: exit $rc"; head "$TMP/b.err" >&2; }
"$ESCALATE" check --now $NOW --format json corpus fixtures/ESC-2026-0142.yaml >"$TMP/c.json" 2>/dev/null
$PY - "$TMP" <<'PY' && pass "build: summary.json and reports agree" || fail "build outputs"
import json, sys
t = sys.argv[1]
for name in ("packs/summary.json", "b.json", "b.sarif"):
    text = open(f"{t}/{name}", encoding="utf-8").read()
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", name
summary = json.load(open(f"{t}/packs/summary.json"))
assert len(summary["records"]) == 602 and summary["packs_written"] == 601, summary["packs_written"]
assert summary["files_written"] == 1 + sum(len(r["files"]) for r in summary["records"])
b, c = json.load(open(f"{t}/b.json")), json.load(open(f"{t}/c.json"))
assert [f["path"] for f in b["files"]] == [f["path"] for f in c["files"]]
assert b["summary"]["files"] == 602
PY
finish
