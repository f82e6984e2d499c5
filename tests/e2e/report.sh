#!/usr/bin/env bash
# escalate report: goldens for the CSV and JSON over a small repository of records (a P1 that
# meets every target, a late triage and a missed promise for a non-ASCII account, facts
# confirmed after the first notification and a late PIR, an unresolved P3 whose account name
# carries markup) and a file that does not load; the JSON validates against
# schemas/portfolio.schema.json; the filters; the HTML page parses with html5lib without an
# error, is self-contained and names every metric with its definition.
# UPDATE_GOLDEN=1 (or ESCALATE_UPDATE_GOLDEN=1) rewrites the goldens (review the diff).
source "$(dirname "$0")/lib.sh"
DIR=tests/data/report/incidents
BROKEN=tests/data/report/broken
GOLD=tests/golden/portfolio
NOWR=2026-12-20T12:00:00Z
mkdir -p "$GOLD"

# golden NAME EXIT -- args...: runs report, compares stdout with $GOLD/NAME and the exit status.
golden() { local name=$1 want=$2; shift 3; golden_run "$name" "$want" -- report "$@"; }

# Every record, and the broken one listed (exit 1: a file did not load).
golden all.json 1 -- --now $NOWR --format json "$DIR" "$BROKEN"
golden all.csv 1 -- --now $NOWR --format csv "$DIR" "$BROKEN"
expect_contains "$TMP/all.json.err" "ESC-2026-0399.yaml: not in the report" "the broken file is named on stderr"
$PY tests/tools/validate_json.py schemas/portfolio.schema.json "$TMP/all.json" && pass "JSON validates" || fail "JSON invalid against schemas/portfolio.schema.json"
# Only the records: exit 0.
golden clean.json 0 -- --now $NOWR --format json "$DIR"
$PY tests/tools/validate_json.py schemas/portfolio.schema.json "$TMP/clean.json" && pass "clean JSON validates" || fail "clean JSON invalid"

# The CSV: one line per file, every line as wide as the header, the non-ASCII name intact.
if $PY - "$TMP/all.csv" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == 6, len(rows)
assert all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
head = rows[0]
by_id = {r[0]: dict(zip(head, r)) for r in rows[1:]}
assert by_id["ESC-2026-0302"]["account"] == "Ñandú S.A. — Zürich", by_id["ESC-2026-0302"]["account"]
assert by_id["ESC-2026-0302"]["triage_verdict"] == "late"
assert by_id["ESC-2026-0302"]["worst_miss_minutes"] == "12"
assert by_id[""]["load_error"].startswith("4:10: invalid YAML"), by_id[""]
PYEOF
then pass "CSV reads back"; else fail "CSV does not read back"; fi

# Filters: by opened date, severity, account (names compared as people write them).
count() { $PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["aggregates"]["records"])' "$1"; }
"$ESCALATE" report --now $NOWR --format json --since 2026-11-01 --until 2026-11-30 "$DIR" >"$TMP/nov.json"
[ "$(count "$TMP/nov.json")" = 2 ] && pass "--since/--until" || fail "--since/--until: $(count "$TMP/nov.json") records, want 2"
"$ESCALATE" report --now $NOWR --format json --severity p1 "$DIR" >"$TMP/p1.json"
[ "$(count "$TMP/p1.json")" = 2 ] && pass "--severity" || fail "--severity: $(count "$TMP/p1.json"), want 2"
"$ESCALATE" report --now $NOWR --format json --severity P2,P3 "$DIR" >"$TMP/p23.json"
[ "$(count "$TMP/p23.json")" = 2 ] && pass "--severity P2,P3" || fail "--severity P2,P3: $(count "$TMP/p23.json"), want 2"
"$ESCALATE" report --now $NOWR --format json --account "northwind  LOGISTICS" "$DIR" >"$TMP/nw.json"
[ "$(count "$TMP/nw.json")" = 2 ] && pass "--account" || fail "--account: $(count "$TMP/nw.json"), want 2"

# The HTML page: the format from -o's extension, html5lib parses it without an error, nothing
# outside the page, every metric's name and definition in its text, markup shown as text.
"$ESCALATE" report --now $NOWR -o "$TMP/report.html" "$DIR" "$BROKEN" 2>"$TMP/err"
args=()
while IFS= read -r line; do args+=(--text "$line"); done < <($PY -c '
import json, sys
for m in json.load(open(sys.argv[1]))["metrics"]:
    print(m["name"]); print(m["definition"][:60])
' "$TMP/all.json")
if $PY tests/tools/check_html.py "$TMP/report.html" --self-contained "${args[@]}" \
    --text "<b>Acme</b> & Sons" --text "Ñandú S.A. — Zürich" --text "ESC-2026-0399.yaml"; then
  pass "HTML parses, is self-contained and names every metric"
else
  fail "HTML check"
fi
head -c 15 "$TMP/report.html" | grep -q "<!DOCTYPE html>" && pass "-o report.html writes HTML" || fail "-o report.html is not HTML"

# The README's table of metrics is what --metrics prints.
"$ESCALATE" report --metrics >"$TMP/metrics.md"
if $PY -c 'import sys; sys.exit(0 if open(sys.argv[1], encoding="utf-8").read() in open("README.md", encoding="utf-8").read() else 1)' "$TMP/metrics.md"; then
  pass "README metrics table current"
else
  fail "README's metrics table differs from 'escalate report --metrics' (paste its output)"
fi

# Usage errors: exit 2, nothing written.
expect_exit 2 "a bad --severity" -- "$ESCALATE" report --severity P4 "$DIR"
expect_contains "$TMP/err" "--severity must be P1, P2 or P3" "--severity message"
expect_exit 2 "a bad --since" -- "$ESCALATE" report --since last-week "$DIR"
expect_exit 2 "--until before --since" -- "$ESCALATE" report --since 2026-12-01 --until 2026-11-01 "$DIR"
expect_exit 2 "a bad --format" -- "$ESCALATE" report --format pdf "$DIR"

# -o: a symlink is refused, not replaced; nothing is written through a symlink planted where a
# temporary file could be expected; a FIFO nobody reads is refused, never waited on.
mkdir -p "$TMP/o"
echo "someone's file" >"$TMP/o/victim"
ln -s "$TMP/o/victim" "$TMP/o/link.csv"
expect_exit 2 "-o a symlink is refused" -- "$ESCALATE" report --now $NOWR -o "$TMP/o/link.csv" "$DIR"
expect_contains "$TMP/err" "symlink" "symlink refusal explained"
[ -L "$TMP/o/link.csv" ] && [ "$(cat "$TMP/o/victim")" = "someone's file" ] && pass "the symlink and its target are kept" \
  || fail "the symlink or its target was changed"
# The process's own pid, as the temporary name used it.
sh -c 'for t in "$1.escalate-$$.tmp" "$1.tmp.$$"; do ln -s "$2" "$t"; done
       exec "$3" report --now "$4" -o "$1" "$5"' sh "$TMP/o/r.csv" "$TMP/o/victim" "$ESCALATE" $NOWR "$DIR" >/dev/null 2>&1
[ "$(cat "$TMP/o/victim")" = "someone's file" ] && pass "nothing written through a planted symlink" \
  || fail "wrote through a symlink planted at the temporary name"
[ -f "$TMP/o/r.csv" ] && [ ! -L "$TMP/o/r.csv" ] && head -1 "$TMP/o/r.csv" | grep -q '^id,' && pass "the report written in place" \
  || fail "no report at r.csv"
mkfifo "$TMP/o/fifo"
expect_exit 2 "-o a FIFO nobody reads is refused" -- timeout 20 "$ESCALATE" report --now $NOWR -o "$TMP/o/fifo" "$DIR"
expect_contains "$TMP/err" "no process is reading it" "FIFO refusal explained"
finish
