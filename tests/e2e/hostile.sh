#!/usr/bin/env bash
# The hostile corpus (fixtures/hostile/, see its README): clear findings or exit 2, the rest of
# the batch still processed, nothing written outside the output folder, no crash or stack trace.
source "$(dirname "$0")/lib.sh"

h=fixtures/hostile
expect_finding() {  # FILE RULE TEXT
  "$ESCALATE" check --now $NOW "$1" >"$TMP/out" 2>"$TMP/err"
  local code=$?
  if [ $code -ne 1 ]; then fail "$1: exit $code, want 1"; cat "$TMP/err" >&2; return; fi
  grep -qF "[$2]" "$TMP/out" && grep -qF -- "$3" "$TMP/out" && pass "$1: $2" || { fail "$1: no $2 finding with '$3'"; head -5 "$TMP/out" >&2; }
  if grep -qiE 'terminate|what\(\)|Segmentation|AddressSanitizer|runtime error' "$TMP/err"; then fail "$1: crash output"; fi
}
expect_finding $h/empty.yaml schema "the file is empty"
expect_finding $h/top-level-list.yaml schema "must be a mapping"
expect_finding $h/top-level-scalar.yaml schema "must be a mapping"
expect_finding $h/binary.yaml yaml-syntax "binary data"
expect_finding $h/invalid-utf8.yaml yaml-syntax "invalid UTF-8"
expect_finding $h/alias-bomb.yaml yaml-syntax "anchors"
expect_finding $h/deep-nesting.yaml yaml-syntax "nesting is deeper"
expect_finding $h/duplicate-keys.yaml schema "duplicate key 'id'"
expect_finding $h/id-dotdot.yaml schema "'id' must be"
expect_finding $h/id-absolute.yaml schema "'id' must be"
expect_finding $h/title-bcc-injection.yaml schema "must be one line"
expect_exit 0 "a 10,000-character value is checked normally" -- "$ESCALATE" check --now $NOW $h/long-value.yaml
expect_exit 0 "CON is a valid id" -- "$ESCALATE" check --now $NOW $h/id-con.yaml

# Generated large inputs.
$PY -c "import sys; sys.stdout.write('version: 1\n' + 'x: ' + 'a' * (5 * 1024 * 1024) + '\n')" > "$TMP/five-mb.yaml"
expect_finding "$TMP/five-mb.yaml" yaml-syntax "over the 1048576-byte limit"
printf 'max_file_size: 10000000\n' > "$TMP/big.escalate.yaml"
expect_exit 1 "a configured larger limit reads the 5 MB file" -- "$ESCALATE" check --config "$TMP/big.escalate.yaml" --now $NOW "$TMP/five-mb.yaml"
expect_contains "$TMP/out" "[schema]" "5 MB file checked under a larger limit"

# The whole corpus in one batch with a good record: the good one is still built, nothing escapes.
mkdir -p "$TMP/batch" "$TMP/outside"
cp $h/*.yaml "$TMP/batch/"
cp fixtures/ESC-2026-0142.yaml "$TMP/batch/zz-good.yaml"
( cd "$TMP/outside" && "$ESCALATE" build --now $NOW --force "$TMP/batch" -o "$TMP/outside/packs" >"$TMP/out" 2>"$TMP/err" )
code=$?
[ $code -eq 1 ] && pass "hostile batch exits 1" || { fail "hostile batch exit $code"; cat "$TMP/err" >&2; }
[ -s "$TMP/outside/packs/ESC-2026-0142/emails/01-initial.eml" ] && pass "the good record is still built" || fail "good record not built"
[ -d "$TMP/outside/packs/CON" ] && pass "CON pack written inside the output folder" || fail "no CON pack"
[ "$(ls "$TMP/outside")" = "packs" ] && pass "nothing written outside the output folder" || fail "stray files: $(ls "$TMP/outside")"
[ ! -e /etc/x ] && [ ! -e "$TMP/x" ] && pass "no escape through ../ or absolute ids" || fail "an id escaped"
if grep -rqi '^Bcc:' "$TMP/outside/packs"; then fail "Bcc header written"; else pass "no Bcc header"; fi
if grep -qiE 'terminate|what\(\)|Segmentation|AddressSanitizer|runtime error' "$TMP/err"; then fail "crash output in the batch"; else pass "no crash output"; fi

finish
