#!/usr/bin/env bash
# escalate lint-comms end to end: clean drafts, one planted defect per rule in every format,
# hostile inputs, stdin, configuration, and the round trip: every email `escalate build` writes
# lints clean against its record.
source "$(dirname "$0")/lib.sh"

DNOW=2026-11-02T08:45:00Z   # before every promise of fixtures/ESC-2026-0142.yaml
REC=fixtures/ESC-2026-0142.yaml
lint() { "$ESCALATE" lint-comms --now $DNOW --incident $REC "$@"; }

# Clean drafts of all three types, .eml (quoted-printable, multipart base64, 8bit) and text/markdown.
expect_exit 0 "clean drafts exit 0" -- "$ESCALATE" lint-comms --now $DNOW fixtures/drafts/clean/
expect_contains "$TMP/out" "no problems in 6 drafts" "clean summary names drafts"
expect_exit 0 "clean drafts agree with their record" -- lint fixtures/drafts/clean/

# Each planted defect: exactly that rule, at its line:col of the decoded text, in every format.
lint_one() {  # FILE RULE LINE COL EXIT
  local f=fixtures/drafts/$1 rule=$2 line=$3 col=$4 code=$5
  expect_exit "$code" "$1 exits $code" -- lint "$f"
  expect_contains "$TMP/out" "$f:$line:$col: " "$1 text at $line:$col"
  expect_contains "$TMP/out" "[$rule]" "$1 text names $rule"
  lint --format json "$f" > "$TMP/r.json"
  $PY - "$TMP/r.json" "$rule" "$line" "$col" <<'PY' && pass "$1 json: exactly one finding" || fail "$1 json"
import json, sys
doc = json.load(open(sys.argv[1]))
ds = doc["files"][0]["diagnostics"]
assert [(d["rule"], d["line"], d["column"]) for d in ds] == [(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))], ds
PY
  lint --format sarif "$f" > "$TMP/r.sarif"
  $PY - "$TMP/r.sarif" "$rule" "$line" "$col" <<'PY' && pass "$1 sarif" || fail "$1 sarif"
import json, sys
doc = json.load(open(sys.argv[1]))
rs = doc["runs"][0]["results"]
assert len(rs) == 1, rs
r = rs[0]
region = r["locations"][0]["physicalLocation"]["region"]
assert r["ruleId"] == sys.argv[2] and region["startLine"] == int(sys.argv[3]) and region["startColumn"] == int(sys.argv[4]), r
assert any(x["id"] == sys.argv[2] for x in doc["runs"][0]["tool"]["driver"]["rules"])
PY
  lint --format junit "$f" > "$TMP/r.xml"
  expect_contains "$TMP/r.xml" ":$line:$col: " "$1 junit: the finding's line:col"
  expect_contains "$TMP/r.xml" " [$rule]" "$1 junit: the finding's rule"
  lint --format github "$f" > "$TMP/r.gh"
  expect_contains "$TMP/r.gh" "line=$line,col=$col,title=$rule::" "$1 github"
}
lint_one placeholder.txt draft-placeholder 3 1 1
lint_one placeholder.eml draft-placeholder 18 25 1  # the raw line of quoted-printable text
lint_one missing-field.txt draft-missing-field 1 1 1
lint_one status-value.eml draft-status-value 12 1 1  # a base64 part: its Content-Type line
lint_one next-update-no-zone.txt draft-next-update 9 17 1
lint_one next-update-past.txt draft-next-update 10 17 1
lint_one next-update-two-times.txt draft-next-update 13 37 1
lint_one subject-format.txt draft-subject-format 1 29 0
lint_one internal-footer.eml draft-internal-footer 29 1 1
lint_one speculative-language.txt speculative-language 7 57 0
lint_one invalid-utf8.txt draft-syntax 3 10 1
lint_one record-mismatch.txt draft-record-mismatch 1 51 1
lint_one record-mismatch-status.txt draft-record-mismatch 8 17 1
lint_one custom/codename.txt internal-codename 8 35 1
expect_exit 0 "mismatch fixtures are clean without --incident" -- "$ESCALATE" lint-comms --now $DNOW fixtures/drafts/record-mismatch.txt fixtures/drafts/record-mismatch-status.txt
expect_exit 1 "--strict fails on a warning" -- lint --strict fixtures/drafts/subject-format.txt
lint fixtures/drafts/status-value.eml > "$TMP/sv.txt"
expect_contains "$TMP/sv.txt" "did you mean 'Contained'?" "status suggestion"
expect_contains "$TMP/sv.txt" "the base64 text/plain part reads: 'Current status: Mitigated'" "text report quotes the decoded text"

# The whole folder: one run, many files, the same for any -j.
expect_exit 1 "the fixture folder" -- lint fixtures/drafts/
expect_contains "$TMP/out" "in 14 of 20 drafts" "folder summary (README.md is not a draft)"
lint -j 1 --format json fixtures/drafts/ > "$TMP/j1.json"
lint -j 4 --format json fixtures/drafts/ > "$TMP/j4.json"
cmp -s "$TMP/j1.json" "$TMP/j4.json" && pass "-j 1 and -j 4 identical" || fail "-j changes the output"
lint --format sarif fixtures/drafts/ > "$TMP/all.sarif"
$PY tests/tools/validate_json.py tests/data/sarif-schema-2.1.0.json "$TMP/all.sarif" && pass "SARIF validates" || fail "SARIF invalid"
$PY tests/tools/validate_json.py schemas/report.schema.json "$TMP/j1.json" && pass "JSON report validates" || fail "JSON report invalid"

# Hostile inputs: a clear finding each, no crash, no hang.
: > "$TMP/empty.txt"
head -c 4096 "$ESCALATE" > "$TMP/binary.eml"
$PY -c "import sys; sys.stdout.write('a' * 1000000)" > "$TMP/one-line.txt"
$PY -c "import sys; sys.stdout.write('Subject: Acme — Escalation Opened: X\n\n' + 'TBD probably [Name] ' * 50000)" > "$TMP/noisy.txt"
$PY -c "import sys; sys.stdout.write('a' * (1024 * 1024 + 1))" > "$TMP/huge.txt"
expect_exit 1 "empty draft" -- timeout 20 "$ESCALATE" lint-comms "$TMP/empty.txt"
expect_contains "$TMP/out" "the draft is empty" "empty draft message"
expect_exit 1 "binary draft" -- timeout 20 "$ESCALATE" lint-comms "$TMP/binary.eml"
expect_contains "$TMP/out" "is binary data" "binary draft message"
expect_exit 0 "1 MB on one line: a warning, no hang" -- timeout 20 "$ESCALATE" lint-comms "$TMP/one-line.txt"
expect_contains "$TMP/out" "one-line.txt:1:1: warning: the draft has no subject line" "1 MB draft message"
# The timeout only guards against a hang (quadratic work would take hours); it is not a timing
# assertion: the ASan build on a loaded 2-core machine takes over 20 s to write the 48 MB report.
expect_exit 1 "1 MB of findings, no hang" -- timeout 300 "$ESCALATE" lint-comms --format json "$TMP/noisy.txt"
# The same in an .eml, where every finding is also moved to its place in the file as stored: on
# one 8bit line and on one quoted-printable line of soft breaks, with non-ASCII text before each.
$PY - "$TMP" <<'PY'
import sys
head = "Subject: Acme — Escalation Opened: X\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
words = "Größe TBD probably [Name] " * 36000
with open(sys.argv[1] + "/noisy.eml", "w", encoding="utf-8") as f:
    f.write(head + "Content-Transfer-Encoding: 8bit\n\n" + words + "\n")
qp = "Gr=C3=B6=C3=9Fe TBD probably [Name] " * 25000
with open(sys.argv[1] + "/noisy-qp.eml", "w", encoding="utf-8") as f:
    f.write(head + "Content-Transfer-Encoding: quoted-printable\n\n" + "=\n".join(qp[i:i + 75] for i in range(0, len(qp), 75)) + "\n")
PY
expect_exit 1 "1 MB of findings on one 8bit line, no hang" -- timeout 120 "$ESCALATE" lint-comms --format json "$TMP/noisy.eml"
expect_contains "$TMP/out" '"column": 935994,' "the last finding's raw column on the 8bit line"
expect_exit 1 "1 MB of findings on one quoted-printable line, no hang" -- timeout 120 "$ESCALATE" lint-comms --format json "$TMP/noisy-qp.eml"
expect_contains "$TMP/out" '"line": 12005,' "the last finding's raw line in the quoted-printable text"
expect_exit 1 "a draft over the size limit" -- timeout 20 "$ESCALATE" lint-comms "$TMP/huge.txt"
expect_contains "$TMP/out" "over the 1048576-byte limit" "size limit message"
printf 'max_file_size: 2000000\n' > "$TMP/big.yaml"
expect_exit 0 "max_file_size raises the limit" -- timeout 20 "$ESCALATE" lint-comms --config "$TMP/big.yaml" "$TMP/huge.txt"
expect_contains "$TMP/out" "no subject line" "a raised limit lints the draft"

# stdin, named or sniffed.
expect_exit 1 "stdin with --stdin-filename" -- bash -c "\"$ESCALATE\" lint-comms --now $DNOW - --stdin-filename draft.txt < fixtures/drafts/placeholder.txt"
expect_contains "$TMP/out" "draft.txt:3:1: " "stdin filename in the report"
expect_exit 1 "an .eml on stdin is sniffed" -- bash -c "\"$ESCALATE\" lint-comms --now $DNOW - < fixtures/drafts/status-value.eml"
expect_contains "$TMP/out" "<stdin>:12:1: " "stdin email decoded (the base64 part)"

# Configuration: discovered .escalate.yaml, severities, bad patterns (exit 2 with file:line:col).
mkdir -p "$TMP/repo/.git" "$TMP/repo/drafts"
cp fixtures/drafts/placeholder.txt "$TMP/repo/drafts/"
printf 'rules: {draft-placeholder: warning}\n' > "$TMP/repo/.escalate.yaml"
expect_exit 0 "discovered config lowers a severity" -- "$ESCALATE" lint-comms --now $DNOW "$TMP/repo/drafts"
expect_contains "$TMP/out" "warning: unfilled placeholder" "severity from the configuration"
printf 'lint:\n  patterns:\n    - id: codename\n      pattern: "(unclosed"\n      message: code name\n' > "$TMP/repo/.escalate.yaml"
expect_exit 2 "a bad pattern is a configuration error" -- "$ESCALATE" lint-comms --now $DNOW "$TMP/repo/drafts"
expect_contains "$TMP/err" ".escalate.yaml:4:16: configuration: lint.patterns[0].pattern is not a valid RE2" "bad pattern at file:line:col"

# Usage and I/O errors.
expect_exit 2 "no drafts" -- "$ESCALATE" lint-comms
expect_exit 2 "missing draft" -- "$ESCALATE" lint-comms nonexistent.eml
expect_exit 2 "missing --incident" -- "$ESCALATE" lint-comms --incident nonexistent.yaml fixtures/drafts/clean/
printf -- '- a list\n' > "$TMP/list.yaml"
expect_exit 2 "--incident that is not a record" -- "$ESCALATE" lint-comms --incident "$TMP/list.yaml" fixtures/drafts/clean/
expect_exit 2 "bad --now" -- "$ESCALATE" lint-comms --now soon fixtures/drafts/clean/

# Baseline: today's findings recorded, only new ones fail.
expect_exit 0 "write a baseline" -- lint --write-baseline "$TMP/bl.json" fixtures/drafts/
expect_exit 0 "baselined drafts pass" -- lint --baseline "$TMP/bl.json" fixtures/drafts/

# Documentation: rules and explain know the draft rules.
expect_exit 0 "rules" -- "$ESCALATE" rules
expect_contains "$TMP/out" "draft-record-mismatch" "rules lists the draft rules"
expect_exit 0 "explain a draft rule" -- "$ESCALATE" explain draft-next-update
expect_contains "$TMP/out" "Fails" "explain shows a failing draft"
expect_exit 0 "lint-comms --help" -- "$ESCALATE" lint-comms --help
expect_contains "$TMP/out" "--incident" "help names --incident"

# Round trip: every email `escalate build` writes lints clean against its record, at the time it
# was sent (its Date header) and before every promise.
expect_exit 0 "build the example" -- "$ESCALATE" build --now 2026-11-20T12:00:00Z $REC -o "$TMP/packs"
n=0
for eml in "$TMP"/packs/*/emails/*.eml; do
  sent=$($PY -c "import sys, email.utils; print(email.utils.parsedate_to_datetime(open(sys.argv[1]).read().split('Date: ')[1].split('\n')[0]).strftime('%Y-%m-%dT%H:%M:%SZ'))" "$eml")
  expect_exit 0 "$(basename "$eml") lints clean at $sent" -- "$ESCALATE" lint-comms --strict --now "$sent" --incident $REC "$eml"
  expect_contains "$TMP/out" "no problems in 1 draft" "$(basename "$eml") has no findings"
  n=$((n + 1))
done
[ "$n" -eq 3 ] && pass "three generated emails" || fail "expected 3 generated emails, found $n"
expect_exit 0 "all generated emails at once" -- "$ESCALATE" lint-comms --strict --now $DNOW --incident $REC "$TMP"/packs/ESC-2026-0142/emails
expect_exit 0 "the golden emails lint clean" -- "$ESCALATE" lint-comms --strict --now $DNOW --incident $REC tests/golden/emails/ESC-2026-0142/

# A record whose update number is out of range: reported on the record, and the draft's number
# is not compared with it (it once overflowed: "so this one is #-9223372036854775808").
sed 's/^    number: 1$/    number: 9223372036854775807/' $REC >"$TMP/huge-number.yaml"
"$ESCALATE" lint-comms --now $DNOW --incident "$TMP/huge-number.yaml" fixtures/drafts/clean/progress.txt >"$TMP/out" 2>"$TMP/err"
expect_contains "$TMP/err" "has 1 problem" "an out-of-range update number is a problem of the record"
! grep -q -e "-9223372036854775808" -e "not next in sequence" "$TMP/out" && pass "the out-of-range number is not compared" \
  || { fail "the out-of-range number was compared"; cat "$TMP/out" >&2; }

finish
