#!/usr/bin/env bash
# escalate build end to end: the PIR pack, emails as a mail client reads them, golden files,
# determinism, stale files, symlinks, header injection, records with errors, SIGKILL.
source "$(dirname "$0")/lib.sh"

out=$TMP/pack
expect_exit 0 "build the example" -- "$ESCALATE" build --now $NOW fixtures/ESC-2026-0142.yaml -o "$out"
for f in emails/01-initial.eml emails/02-progress-1.eml emails/03-resolution.eml lint-report.txt lint-report.json; do
  [ -s "$out/ESC-2026-0142/$f" ] && pass "pack has $f" || fail "pack lacks $f"
done
[ -s "$out/summary.json" ] && pass "summary.json" || fail "no summary.json"
$PY tests/tools/check_emails.py "$out/ESC-2026-0142" tests/data/emails/example.json && pass "emails parse cleanly, threaded, right recipients" || fail "emails"
expect_contains "$out/ESC-2026-0142/lint-report.txt" "no problems in 1 record" "lint report text"
$PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['records'][0]['built'] and d['packs_written']==1" "$out/summary.json" && pass "summary.json content" || fail "summary.json content"

# Golden emails: regenerate deliberately with ESCALATE_UPDATE_GOLDEN=1, then read the diff.
golden=tests/golden/emails/ESC-2026-0142
if [ "${ESCALATE_UPDATE_GOLDEN:-0}" = 1 ]; then
  mkdir -p "$golden" && cp "$out"/ESC-2026-0142/emails/*.eml "$golden/" && echo "updated $golden"
fi
for f in "$golden"/*.eml; do
  cmp -s "$f" "$out/ESC-2026-0142/emails/$(basename "$f")" && pass "golden $(basename "$f")" || fail "$(basename "$f") differs from $f"
done

# Non-ASCII names round-trip through the mail parser.
expect_exit 0 "build the non-ASCII record" -- "$ESCALATE" build --now $NOW tests/data/emails/ESC-2026-0300.yaml -o "$TMP/uni"
$PY tests/tools/check_emails.py "$TMP/uni/ESC-2026-0300" tests/data/emails/unicode.json && pass "non-ASCII emails round-trip" || fail "non-ASCII emails"

# Header injection: a finding, and no email with an injected header even with --force.
expect_exit 1 "header injection is a finding" -- "$ESCALATE" build --force --now $NOW fixtures/bad/header-injection.yaml -o "$TMP/inj"
expect_contains "$TMP/out" "[schema]" "header injection reported as schema"
if grep -rqi '^Bcc:' "$TMP/inj" 2>/dev/null; then fail "a Bcc header was written"; else pass "no Bcc header anywhere"; fi

# A record with errors gets only its lint reports; --force builds it as a DRAFT.
expect_exit 1 "record with errors" -- "$ESCALATE" build --now $NOW fixtures/rules/triage-genuine.yaml -o "$TMP/errpack"
[ ! -d "$TMP/errpack/FX-triage-genuine/emails" ] && [ -s "$TMP/errpack/FX-triage-genuine/lint-report.txt" ] && pass "errors: lint report only" || fail "errors: wrong pack contents"
expect_exit 1 "--force" -- "$ESCALATE" build --force --now $NOW fixtures/rules/triage-genuine.yaml -o "$TMP/errpack"
# build takes --output and --baseline as the README's common options say; -o stays the folder.
expect_exit 0 "build --write-baseline" -- "$ESCALATE" build --now $NOW fixtures/rules/triage-genuine.yaml -o "$TMP/blpack" --write-baseline "$TMP/bl.json"
expect_exit 0 "build --baseline: recorded findings do not fail" -- "$ESCALATE" build --now $NOW fixtures/rules/triage-genuine.yaml -o "$TMP/blpack" --baseline "$TMP/bl.json" --output "$TMP/bl-report.json" --format json
$PY -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; assert s["errors"] == 0 and s["baselined"] >= 1, s' "$TMP/bl-report.json" \
  && pass "build --output FILE: the report, with the baselined findings counted" || fail "build --output/--baseline report: $(head -c 400 "$TMP/bl-report.json")"
grep -q '^Subject: =?UTF-8?B?W0RSQUZUXSBO' "$TMP/errpack/FX-triage-genuine/emails/01-initial.eml" && pass "--force marks DRAFT" || fail "--force subject lacks [DRAFT]"

# An error found only while building (readout-one-page) is an error like any other: lint
# reports only, and summary.json agrees; --force builds everything, marked DRAFT.
$PY - fixtures/ESC-2026-0142.yaml "$TMP/long.yaml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
clause = "while the gateway certificate was expired and every retry from the storefront was declined as well"
long_sentence = "The checkout service rejected card authorisations " + ", ".join([clause] * 6) + "."
text = re.sub(r"  impact_summary: >-\n(    .*\n)+", "  impact_summary: >-\n    " + " ".join([long_sentence] * 3) + "\n", text)
action = "Failed traffic over to the secondary gateway " + ", ".join(["then verified every region and payment method"] * 8)
text = re.sub(r"  resolution_actions:\n(    - .*\n)+", "  resolution_actions:\n" + ("    - " + action + "\n") * 5, text)
text = re.sub(r"  customer_sentiment: .*\n", "  customer_sentiment: " + ", ".join(["Frustrated by the outage but appreciative of the hourly updates"] * 12) + ".\n", text)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
expect_exit 0 "the long record checks clean" -- "$ESCALATE" check --now $NOW "$TMP/long.yaml"
expect_exit 1 "readout-one-page fails the build" -- "$ESCALATE" build --now $NOW "$TMP/long.yaml" -o "$TMP/long"
expect_contains "$TMP/out" "[readout-one-page]" "the build reports readout-one-page"
[ ! -d "$TMP/long/ESC-2026-0142/emails" ] && [ ! -e "$TMP/long/ESC-2026-0142/exec-readout.pdf" ] \
  && [ -s "$TMP/long/ESC-2026-0142/lint-report.txt" ] && pass "build error: lint reports only" \
  || fail "build error: wrong pack contents: $(ls -R "$TMP/long/ESC-2026-0142")"
$PY -c "import json,sys; r=json.load(open(sys.argv[1]))['records'][0]; assert r['errors']==1 and r['built'] is False and r['draft'] is False, r" \
  "$TMP/long/summary.json" && pass "summary.json: not built, 1 error" || fail "summary.json disagrees with the build"
expect_exit 1 "--force builds it" -- "$ESCALATE" build --force --now $NOW "$TMP/long.yaml" -o "$TMP/longf"
grep -q '^Subject: =?UTF-8?B?W0RSQUZUXSBO' "$TMP/longf/ESC-2026-0142/emails/01-initial.eml" \
  && pass "--force after a build error marks the emails DRAFT" || fail "--force email lacks [DRAFT]"
$PY -c "import json,sys; r=json.load(open(sys.argv[1]))['records'][0]; assert r['built'] and r['draft'] and r['errors']==1, r" \
  "$TMP/longf/summary.json" && pass "summary.json: built as a draft" || fail "summary.json after --force"

# Byte-identical with -j 1 and -j 2.
"$ESCALATE" build --quiet --now $NOW -j 1 fixtures/ -o "$TMP/j1" >/dev/null 2>&1
"$ESCALATE" build --quiet --now $NOW -j 2 fixtures/ -o "$TMP/j2" >/dev/null 2>&1
diff -r "$TMP/j1" "$TMP/j2" >/dev/null && pass "-j 1 and -j 2 packs identical" || fail "-j changes the packs"

# A rerun replaces the pack: no stale email from a communication since removed.
$PY - fixtures/ESC-2026-0142.yaml "$TMP/shorter.yaml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("  - type: progress")
end = text.index("  - type: resolution")
text = text[:start] + text[end:]
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
"$ESCALATE" build --quiet --force --now $NOW "$TMP/shorter.yaml" -o "$out" >/dev/null 2>&1
[ ! -e "$out/ESC-2026-0142/emails/02-progress-1.eml" ] && [ -e "$out/ESC-2026-0142/emails/02-resolution.eml" ] && pass "stale email removed" || fail "stale email left: $(ls "$out/ESC-2026-0142/emails")"

# A symlink planted inside the output folder is never written through; the rest goes on.
mkdir -p "$TMP/sym/target" "$TMP/sym/out"
ln -s "$TMP/sym/target" "$TMP/sym/out/ESC-2026-0142"
expect_exit 2 "symlink in the output folder" -- "$ESCALATE" build --now $NOW fixtures/ESC-2026-0142.yaml tests/data/emails/ESC-2026-0300.yaml -o "$TMP/sym/out"
expect_contains "$TMP/err" "symlink" "symlink refusal explained"
[ -z "$(ls -A "$TMP/sym/target")" ] && pass "nothing written through the symlink" || fail "wrote through the symlink"
[ -s "$TMP/sym/out/ESC-2026-0300/emails/01-initial.eml" ] && pass "rest of the batch built" || fail "batch stopped at the symlink"
# The output folder itself may be a symlink: the user chose it.
ln -s "$TMP/sym/target" "$TMP/sym/link"
expect_exit 0 "output folder that is a symlink" -- "$ESCALATE" build --now $NOW fixtures/ESC-2026-0142.yaml -o "$TMP/sym/link"

# A summary.json escalate did not write is not replaced: the packs are built, the run fails.
mkdir -p "$TMP/theirs"
echo "my notes" >"$TMP/theirs/summary.json"
expect_exit 2 "a summary.json escalate did not write" -- "$ESCALATE" build --now $NOW fixtures/ESC-2026-0142.yaml -o "$TMP/theirs"
expect_contains "$TMP/err" "escalate did not write it" "foreign summary.json explained"
[ "$(cat "$TMP/theirs/summary.json")" = "my notes" ] && pass "the user's summary.json is kept" || fail "the user's summary.json was replaced"
[ -s "$TMP/theirs/ESC-2026-0142/emails/01-initial.eml" ] && pass "the packs are still built" || fail "no pack beside a foreign summary.json"

# Two reports named to one file (by any path) would leave only the last one: refused up front.
expect_exit 2 "--junit and --sarif naming one file" -- "$ESCALATE" build --now $NOW fixtures/ESC-2026-0142.yaml -o "$TMP/two" \
  --junit "$TMP/r.xml" --sarif "$TMP/../$(basename "$TMP")/r.xml"
expect_contains "$TMP/err" "--junit and --sarif both name" "one file for two reports explained"
[ ! -e "$TMP/r.xml" ] && [ ! -e "$TMP/two" ] && pass "nothing written" || fail "wrote before refusing"
expect_exit 2 "--junit naming the summary" -- "$ESCALATE" build --now $NOW fixtures/ESC-2026-0142.yaml -o "$TMP/two" \
  --junit "$TMP/two/summary.json"
expect_contains "$TMP/err" "--junit and summary.json both name" "the summary's name explained"

# SIGKILL at several points of a large batch: every file present is complete; a rerun completes.
mkdir -p "$TMP/big"
for i in $(seq -w 1 200); do sed "s/^id: ESC-2026-0142/id: ESC-K-$i/" fixtures/ESC-2026-0142.yaml > "$TMP/big/r$i.yaml"; done
for delay in 0.05 0.2 0.5; do
  rm -rf "$TMP/killed"
  "$ESCALATE" build --quiet --now $NOW -j 2 "$TMP/big" -o "$TMP/killed" >/dev/null 2>&1 &
  pid=$!
  sleep $delay
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  $PY - "$TMP/killed" <<'PY' && pass "killed after ${delay}s: every file complete" || fail "killed after ${delay}s: partial file"
import email, email.policy, json, os, sys
root = sys.argv[1]
for dirpath, dirs, files in os.walk(root):
    if os.path.basename(dirpath).startswith(".escalate-"):
        dirs[:] = []  # staging folders are invisible work in progress
        continue
    for f in files:
        p = os.path.join(dirpath, f)
        data = open(p, "rb").read()
        if ".tmp." in f:
            sys.exit(f"temporary file visible: {p}")
        if f.endswith(".json"):
            json.loads(data)
        elif f.endswith(".eml"):
            msg = email.message_from_bytes(data, policy=email.policy.default)
            assert not msg.defects and "Escalation Lead:" in msg.get_content(), p
        elif f.endswith(".pdf"):
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), p
PY
done
expect_exit 0 "rerun after SIGKILL completes the pack" -- "$ESCALATE" build --quiet --now $NOW "$TMP/big" -o "$TMP/killed"
[ "$(ls "$TMP/killed" | grep -c '^ESC-K-')" = 200 ] && pass "all 200 packs after rerun" || fail "rerun left $(ls "$TMP/killed" | grep -c '^ESC-K-') packs"
[ -z "$(ls -A "$TMP/killed" | grep '^\.escalate-')" ] && pass "no staging leftovers after rerun" || fail "staging leftovers"

finish
