#!/usr/bin/env bash
# A realistic generated corpus (tests/tools/gen_corpus.py, a copy of the peer team's generator)
# and every valid fixture check clean: `check --strict` exits 0 and reports no finding at all,
# not even a note. A gate that fails records a lead considers fine gets switched off.
source "$(dirname "$0")/lib.sh"

"$PY" tests/tools/gen_corpus.py 400 "$TMP/corpus" --seed 14 --now "$NOW" 2>/dev/null
expect_exit 0 "400 generated records check clean with --strict" -- \
  "$ESCALATE" check --strict --now "$NOW" --format json "$TMP/corpus"
"$PY" -c '
import json, sys
report = json.load(open(sys.argv[1]))
found = [d for f in report["files"] for d in f["diagnostics"]]
if found:
    for d in found[:10]:
        print(d, file=sys.stderr)
    sys.exit(1)
' "$TMP/out" && pass "no finding of any severity in the corpus" || fail "the corpus has findings"

# Every valid fixture, at a clock where its events are past and its promises still open.
check_clean() {  # NOW FILE...
  local now=$1; shift
  for f in "$@"; do
    expect_exit 0 "$f checks clean with --strict" -- "$ESCALATE" check --strict --now "$now" "$f"
    if grep -qE ': (error|warning|note|info):' "$TMP/out"; then fail "$f has findings"; sed 's/^/  | /' "$TMP/out" >&2; fi
  done
}
check_clean "$NOW" fixtures/ESC-2026-0142.yaml tests/data/emails/*.yaml
check_clean 2027-01-08T18:00:00Z fixtures/unicode/*.yaml
finish
