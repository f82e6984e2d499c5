#!/usr/bin/env bash
# escalate next: the next customer communication drafted from a record at each stage (initial
# notification, progress update #2, resolution notification), as .eml and .txt goldens; the .eml
# parsed by Python's email package without defects; lint-comms --incident on each draft reports
# exactly the human-only placeholders, and nothing once a person has written them; a record that
# is not ready, does not load or is not found gets a clear message and no file.
# UPDATE_GOLDEN=1 (or ESCALATE_UPDATE_GOLDEN=1) rewrites the goldens (review the diff).
source "$(dirname "$0")/lib.sh"
DIR=tests/data/next
GOLD=tests/golden/next
mkdir -p "$GOLD"

# golden NAME: compares $TMP/NAME with $GOLD/NAME.
golden() { compare_golden "$1"; }

# draft STAGE NOW RECORD SUBJECT CC BODY_TEXT...: next writes $TMP/STAGE.eml from RECORD at NOW;
# it matches its golden and Python's email parses it without defects: SUBJECT, from the lead,
# to the customer primary contact, CC, and a body holding each BODY_TEXT.
draft() {
  local stage=$1 now=$2 record=$3 subject=$4 cc=$5; shift 5
  expect_exit 0 "$stage: next writes the draft" -- "$ESCALATE" next --now "$now" -o "$TMP/$stage.eml" "$record"
  cp "$TMP/err" "$TMP/$stage.err"
  golden "$stage.eml"
  $PY tests/tools/check_eml.py "$TMP/$stage.eml" "$subject" dana.whitfield@example.com priya.raman@northwind.example "$cc" "$@" \
    && pass "$stage: parses without defects" || fail "$stage: email check"
}

# placeholders FILE RECORD NOW WANT...: lint-comms --incident reports exactly WANT (the
# placeholder texts, in order) and no other finding.
placeholders() {
  local file=$1 record=$2 now=$3; shift 3
  "$ESCALATE" lint-comms --incident "$record" --now "$now" --format json "$file" >"$TMP/lint.json" 2>"$TMP/lint.err"
  local got=$?
  if [ "$got" -ne 1 ]; then fail "$file: lint-comms exit $got, want 1"; cat "$TMP/lint.err" >&2; return; fi
  local want; want=$(printf '%s\n' "$@")
  local have; have=$($PY -c '
import json, re, sys
report = json.load(open(sys.argv[1]))
for f in report["files"]:
    for d in f["diagnostics"]:
        m = re.match(r"unfilled placeholder .(\[[^]]*\]).", d["message"])
        print(m.group(1) if d["rule"] == "draft-placeholder" and m else d["rule"] + ": " + d["message"])
' "$TMP/lint.json")
  if [ "$have" = "$want" ]; then pass "$file: lint-comms reports exactly the placeholders"; else fail "$file: lint-comms reported:"; echo "$have" >&2; fi
}

# filled FILE RECORD NOW: with every placeholder written, lint-comms --incident is clean.
filled() {
  sed -e 's/\[Describe known impact clearly and factually\]/All card payments through the EU checkout are declined./' \
      -e 's/\[Factual description only\]/Traffic is back on the primary gateway./' \
      -e 's/\[Action\]/Monitor authorisation rates/' -e 's/\[Owner\]/Sam Okafor/' \
      -e 's/\[ETA\]/Monday 2 November 2026, 11:00 UTC/' \
      -e 's/\[Concise factual summary\]/The expired certificate was replaced./' \
      -e 's/\[What has been put in place\]/Certificate expiry alerts/' "$1" >"$TMP/filled.txt"
  if "$ESCALATE" lint-comms --incident "$2" --now "$3" "$TMP/filled.txt" >"$TMP/filled.out" 2>&1; then
    pass "$1 with its placeholders written lints clean"
  else
    fail "$1 with its placeholders written: lint-comms found"; cat "$TMP/filled.out" >&2
  fi
}

# 1. Nothing sent yet: the initial notification, with the readout's impact summary.
NOW1=2026-11-02T08:40:00Z
draft initial $NOW1 $DIR/ESC-2026-0301.yaml "Northwind Logistics — Escalation Opened: Card payments declined at EU checkout" \
  tomas.ferreira@northwind.example,aoife.brennan@example.com \
  "Current status: Ongoing" "Next update by: Monday 2 November 2026, 09:40 UTC" \
  "Escalation Lead: Dana Whitfield, Head of Customer Operations, dana.whitfield@example.com"
expect_contains "$TMP/initial.err" "wrote $TMP/initial.eml: initial notification of ESC-2026-0301" "initial: says what it wrote"
expect_exit 0 "initial: lint-comms is clean (nothing left for a person)" -- \
  "$ESCALATE" lint-comms --incident $DIR/ESC-2026-0301.yaml --now $NOW1 "$TMP/initial.eml"
expect_exit 0 "initial: .txt" -- "$ESCALATE" next --now $NOW1 --format txt -o "$TMP/initial.txt" $DIR/ESC-2026-0301.yaml
golden initial.txt

# 2. Initial and progress update #1 sent: progress update #2, one hour (P1) after --now.
NOW2=2026-11-02T10:25:00Z
draft progress $NOW2 $DIR/ESC-2026-0302.yaml "Northwind Logistics — Escalation Update #2: Card payments declined at EU checkout" \
  aoife.brennan@example.com \
  "Current status: Contained" "Next update by: Monday 2 November 2026, 11:25 UTC" "Update as of Monday 2 November 2026, 10:25 UTC:"
if grep -q "^In-Reply-To: <ESC-2026-0302.01@example.com>" "$TMP/progress.eml"; then pass "progress: threads under the initial notification"; else fail "progress: no In-Reply-To"; fi
placeholders "$TMP/progress.eml" $DIR/ESC-2026-0302.yaml $NOW2 "[Factual description only]" "[Action]" "[Owner]" "[ETA]"
expect_exit 0 "progress: .txt" -- "$ESCALATE" next --now $NOW2 --format txt -o "$TMP/progress.txt" $DIR/ESC-2026-0302.yaml
golden progress.txt
placeholders "$TMP/progress.txt" $DIR/ESC-2026-0302.yaml $NOW2 "[Factual description only]" "[Action]" "[Owner]" "[ETA]"
filled "$TMP/progress.txt" $DIR/ESC-2026-0302.yaml $NOW2

# 3. Resolved: the resolution notification; PIR by the 10th business day after Mon 2 Nov.
NOW3=2026-11-02T10:30:00Z
draft resolution $NOW3 $DIR/ESC-2026-0303.yaml "Northwind Logistics — Escalation Resolved: Card payments declined at EU checkout" \
  tomas.ferreira@northwind.example,aoife.brennan@example.com \
  "resolved as of Monday 2 November 2026, 10:20 UTC" "- Replaced the expired certificate" \
  "will be shared by Monday 16 November 2026"
placeholders "$TMP/resolution.eml" $DIR/ESC-2026-0303.yaml $NOW3 "[Concise factual summary]" "[What has been put in place]"
expect_exit 0 "resolution: .txt" -- "$ESCALATE" next --now $NOW3 --format txt -o "$TMP/resolution.txt" $DIR/ESC-2026-0303.yaml
golden resolution.txt
filled "$TMP/resolution.txt" $DIR/ESC-2026-0303.yaml $NOW3

# The default name, in the current folder; an existing file is never replaced without --force.
(cd "$TMP" && "$ESCALATE" next --now $NOW2 "$SRC/$DIR/ESC-2026-0302.yaml" 2>/dev/null)
if [ -f "$TMP/ESC-2026-0302-03-progress-2.eml" ]; then pass "default name"; else fail "no ESC-2026-0302-03-progress-2.eml"; ls "$TMP" >&2; fi
echo "my edits" >"$TMP/edited.eml"
expect_exit 2 "an existing file is not replaced" -- "$ESCALATE" next --now $NOW2 -o "$TMP/edited.eml" $DIR/ESC-2026-0302.yaml
expect_contains "$TMP/err" "already exists" "existing file message"
if [ "$(cat "$TMP/edited.eml")" = "my edits" ]; then pass "the edits are kept"; else fail "the existing file was changed"; fi
expect_exit 0 "--force replaces it" -- "$ESCALATE" next --now $NOW2 --force -o "$TMP/edited.eml" $DIR/ESC-2026-0302.yaml
if cmp -s "$TMP/edited.eml" "$TMP/progress.eml"; then pass "--force wrote the draft"; else fail "--force did not write the draft"; fi
# A device or FIFO is written through, never replaced (with or without --force): as root, a
# draft sent to /dev/null must not put a regular file in its place.
if [ "$(id -u)" = 0 ] && mknod "$TMP/null" c 1 3 2>/dev/null && : >"$TMP/null" 2>/dev/null; then
  for force in "" --force; do
    expect_exit 0 "a device written through ${force:-without --force}" -- \
      "$ESCALATE" next --now $NOW2 $force -o "$TMP/null" $DIR/ESC-2026-0302.yaml
    [ -c "$TMP/null" ] && pass "the device is still a device ${force:-without --force}" || fail "the device was replaced ${force}"
  done
fi
mkfifo "$TMP/fifo"
timeout 10 cat "$TMP/fifo" >"$TMP/fifo.out" &
expect_exit 0 "a FIFO being read is written through" -- "$ESCALATE" next --now $NOW2 --force -o "$TMP/fifo" $DIR/ESC-2026-0302.yaml
wait
[ -p "$TMP/fifo" ] && cmp -s "$TMP/fifo.out" "$TMP/progress.eml" && pass "the FIFO's reader got the draft; still a FIFO" \
  || fail "FIFO: replaced, or its reader did not get the draft"
expect_exit 2 "a FIFO nobody reads is refused, never waited on" -- "$ESCALATE" next --now $NOW2 --force -o "$TMP/fifo" $DIR/ESC-2026-0302.yaml
expect_contains "$TMP/err" "no process is reading it" "FIFO refusal explained"
[ -p "$TMP/fifo" ] && pass "the unread FIFO is still a FIFO" || fail "the unread FIFO was replaced"
# -o - writes to stdout.
"$ESCALATE" next --now $NOW2 -o - $DIR/ESC-2026-0302.yaml >"$TMP/stdout.eml" 2>/dev/null
if cmp -s "$TMP/stdout.eml" "$TMP/progress.eml"; then pass "-o - is stdout"; else fail "-o - differs"; fi
# The hint "Then check it: escalate lint-comms ..." runs as printed and checks the draft against
# the clock it was drafted at (a past --now): lint-comms reports the placeholders and nothing
# about the next update time being past. Also with a --config and names a shell must have quoted.
# run_hint WHAT: runs the hint next printed to $TMP/err.
run_hint() {
  local hint; hint=$(sed -n 's/^  Then check it: escalate //p' "$TMP/err")
  eval "\"\$ESCALATE\" $hint" >"$TMP/hint.out" 2>&1
  local got=$?
  if [ "$got" -eq 1 ] && grep -q "draft-placeholder" "$TMP/hint.out" && ! grep -q "already past" "$TMP/hint.out"; then
    pass "$1: the printed lint-comms command finds the placeholders and no past update time"
  else
    fail "$1: the printed lint-comms command (exit $got):"; cat "$TMP/hint.out" >&2
  fi
}
expect_exit 0 "hint: next writes the draft" -- "$ESCALATE" next --now $NOW2 -o "$TMP/hint.eml" $DIR/ESC-2026-0302.yaml
expect_contains "$TMP/err" "Then check it: escalate lint-comms --incident $DIR/ESC-2026-0302.yaml --now $NOW2 $TMP/hint.eml" "hint: --now passed on"
run_hint "hint"
mkdir -p "$TMP/hint dir"
printf 'sender_domain: example.com\n' >"$TMP/hint dir/it's config.yaml"
expect_exit 0 "quoted hint: next writes the draft" -- "$ESCALATE" next --now $NOW2 --config "$TMP/hint dir/it's config.yaml" \
  -o "$TMP/hint dir/Bob's update.eml" $DIR/ESC-2026-0302.yaml
expect_contains "$TMP/err" "Then check it: escalate lint-comms --incident $DIR/ESC-2026-0302.yaml --config '$TMP/hint dir/it'\\''s config.yaml' --now $NOW2 '$TMP/hint dir/Bob'\\''s update.eml'" "quoted hint: --config and --now passed on, shell-quoted"
run_hint "quoted hint"
# A record id is looked up under the current folder.
(cd $DIR && "$ESCALATE" next --now $NOW2 -o "$TMP/by-id.eml" ESC-2026-0302 2>/dev/null)
if cmp -s "$TMP/by-id.eml" "$TMP/progress.eml"; then pass "a record id is found"; else fail "by id differs"; fi

# A display zone (Europe/Paris) beside UTC, across the end of summer time: 00:45 UTC is 02:45
# CEST; after 01:00 UTC the clocks are back and 02:30 UTC is 03:30 CET. lint-comms reads both.
ZDIR=tests/data/next-zone
expect_exit 0 "zone: before the change" -- "$ESCALATE" next --now 2026-10-24T23:45:00Z --format txt -o "$TMP/zone-cest.txt" $ZDIR/ESC-2026-0310.yaml
golden zone-cest.txt
expect_contains "$TMP/zone-cest.txt" "Next update by: Sunday 25 October 2026, 00:45 UTC (02:45 CEST)" "zone: CEST"
placeholders "$TMP/zone-cest.txt" $ZDIR/ESC-2026-0310.yaml 2026-10-24T23:45:00Z "[Factual description only]" "[Action]" "[Owner]" "[ETA]"
expect_exit 0 "zone: after the change" -- "$ESCALATE" next --now 2026-10-25T01:30:00Z --format txt -o "$TMP/zone-cet.txt" $ZDIR/ESC-2026-0310.yaml
golden zone-cet.txt
expect_contains "$TMP/zone-cet.txt" "Next update by: Sunday 25 October 2026, 02:30 UTC (03:30 CET)" "zone: CET"
placeholders "$TMP/zone-cet.txt" $ZDIR/ESC-2026-0310.yaml 2026-10-25T01:30:00Z "[Factual description only]" "[Action]" "[Owner]" "[ETA]"
# Late in the UTC day the local date is the next one, and says so.
expect_exit 0 "zone: the next local day" -- "$ESCALATE" next --now 2026-11-02T22:30:00Z --format txt -o "$TMP/zone-late.txt" $ZDIR/ESC-2026-0310.yaml
expect_contains "$TMP/zone-late.txt" "Next update by: Monday 2 November 2026, 23:30 UTC (00:30 CET on Tuesday 3 November 2026)" "zone: next local day"
placeholders "$TMP/zone-late.txt" $ZDIR/ESC-2026-0310.yaml 2026-11-02T22:30:00Z "[Factual description only]" "[Action]" "[Owner]" "[ETA]"

# Not ready: what is missing, each at its place; nothing written; exit 1.
expect_exit 1 "not ready" -- "$ESCALATE" next --now $NOW1 -o "$TMP/not-ready.eml" $DIR/ESC-2026-0304.yaml
expect_contains "$TMP/err" "ESC-2026-0304 is not ready for its initial notification; no draft written" "not ready: says so"
expect_contains "$TMP/err" "$DIR/ESC-2026-0304.yaml:32:3: facts.confirmed_by (the technical owner who confirmed the facts in writing) is missing" "not ready: confirmed_by"
expect_contains "$TMP/err" "facts.confirmation_ref (where the written confirmation is) is missing" "not ready: confirmation_ref"
expect_contains "$TMP/err" "owners_confirmed_at (when every owner in the stakeholder grid was confirmed) is missing" "not ready: owners_confirmed_at"
expect_contains "$TMP/err" "the owner of the Customer Executive Sponsor (Tomás Ferreira) in the stakeholder grid is a placeholder ('TBD')" "not ready: TBD owner"
if [ -e "$TMP/not-ready.eml" ]; then fail "not ready: a file was written"; else pass "not ready: nothing written"; fi
# An update numbered 9999 (a typo, most likely): the next one could not be written back.
sed 's/^    number: 1$/    number: 9999/' $DIR/ESC-2026-0302.yaml > "$TMP/ESC-2026-0302.yaml"
expect_exit 1 "after update #9999" -- "$ESCALATE" next --now $NOW2 -o "$TMP/last.eml" "$TMP/ESC-2026-0302.yaml"
expect_contains "$TMP/err" "escalate: ESC-2026-0302: no progress update #10000 drafted: $TMP/ESC-2026-0302.yaml:102:13: communications[1].number is already 9999, the highest update number a record holds" "after update #9999: says which line"
if grep -q "The playbook" "$TMP/err"; then fail "after update #9999: the facts-and-owners reminder is beside the point"; else pass "after update #9999: no playbook reminder"; fi
if [ -e "$TMP/last.eml" ]; then fail "after update #9999: a file was written"; else pass "after update #9999: nothing written"; fi
# Nothing more is owed once the resolution notification is sent.
expect_exit 1 "nothing owed" -- "$ESCALATE" next --now $NOW3 -o "$TMP/none.eml" fixtures/ESC-2026-0142.yaml
expect_contains "$TMP/err" "the customer is owed no further update" "nothing owed: says so"

# Bad input: exit 2, file:line:col, no file.
expect_exit 2 "a record that does not load" -- "$ESCALATE" next --now $NOW1 -o "$TMP/broken.eml" $DIR/broken/ESC-2026-0399.yaml
expect_contains "$TMP/err" "$DIR/broken/ESC-2026-0399.yaml:5:9: error: invalid YAML" "broken: file:line:col"
if [ -e "$TMP/broken.eml" ]; then fail "broken: a file was written"; else pass "broken: nothing written"; fi
expect_exit 2 "an unknown record id" -- bash -c "cd $DIR && '$ESCALATE' next --now $NOW1 ESC-2026-0999"
expect_contains "$TMP/err" "no record with id 'ESC-2026-0999'" "unknown id message"
mkdir -p "$TMP/dup/a" "$TMP/dup/b"
cp $DIR/ESC-2026-0302.yaml "$TMP/dup/a/"; cp $DIR/ESC-2026-0302.yaml "$TMP/dup/b/"
expect_exit 2 "an id two records have" -- bash -c "cd '$TMP/dup' && '$ESCALATE' next --now $NOW2 ESC-2026-0302"
expect_contains "$TMP/err" "two records have the id 'ESC-2026-0302': a/ESC-2026-0302.yaml and b/ESC-2026-0302.yaml" "duplicate id message"
if ls "$TMP/dup"/*.eml >/dev/null 2>&1; then fail "duplicate id: a file was written"; else pass "duplicate id: nothing written"; fi
expect_exit 2 "a missing file" -- "$ESCALATE" next --now $NOW1 $DIR/nowhere.yaml
expect_exit 2 "a bad --format" -- "$ESCALATE" next --format pdf $DIR/ESC-2026-0301.yaml
finish
