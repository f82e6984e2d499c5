#!/usr/bin/env bash
# A build killed at the instant it names summary.json (tests/support/kill_at_rename.cpp stops it
# just before the rename) leaves no temporary file in sight, and the next build leaves none either.
# A build interrupted (SIGINT, SIGTERM) as it puts a pack in place stops there: the packs built
# stay, nothing half-made is left, no summary.json (an earlier one no longer matches: removed)
# and no report file; exit 128 + the signal.
source "$(dirname "$0")/lib.sh"
: "${KILL_SHIM:?set KILL_SHIM to the built kill_at_rename library}"

# AddressSanitizer's runtime must come first in the process; a preloaded library would be first.
libs=$(ldd "$ESCALATE" 2>/dev/null)
if [[ $libs == *libasan* ]]; then echo "skip: sanitizer runtime"; exit 77; fi

mkdir -p "$TMP/in"
for i in 1 2 3; do sed "s/^id: ESC-2026-0142/id: ESC-R-$i/" fixtures/ESC-2026-0142.yaml > "$TMP/in/r$i.yaml"; done
out=$TMP/packs

# killed_build: a build of $TMP/in into $out, killed when it renames anything onto summary.json.
killed_build() {
  KILL_AT_RENAME_TO=/summary.json LD_PRELOAD=$KILL_SHIM "$ESCALATE" build --quiet --now $NOW "$TMP/in" -o "$out" \
    >/dev/null 2>&1
}
# temporaries: the names in $out that are not the packs or summary.json.
temporaries() { ls -A "$out" | grep -v -e '^ESC-R-[123]$' -e '^summary\.json$'; }
summary_valid() { $PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['packs_written']==3" "$out/summary.json"; }

# A fresh output folder: the first summary.json is named directly, never under a temporary name.
killed_build
[ -z "$(temporaries)" ] && pass "first build: no temporary name in sight" || fail "first build left: $(temporaries)"
summary_valid && pass "first build: summary.json complete" || fail "first build: summary.json"

# Replacing it needs a temporary name and a rename: killed right there, the old summary.json
# stays whole and the temporary is left ...
killed_build
echo "killed at the rename: $(temporaries)"
summary_valid && pass "killed at the rename: the earlier summary.json is whole" || fail "summary.json damaged"
# ... and the next build removes it (escalate wrote it: its name, its content, its process gone).
expect_exit 0 "the next build" -- "$ESCALATE" build --quiet --now $NOW "$TMP/in" -o "$out"
[ -z "$(temporaries)" ] && pass "next build: the temporary is gone" || fail "next build left: $(temporaries)"
summary_valid && pass "next build: summary.json complete" || fail "next build: summary.json"

# interrupted SIGNAL JOBS [ARGS...]: a build of $TMP/in into $out that gets SIGNAL as it puts
# ESC-R-1's pack in place; its standard error in $TMP/err.
interrupted() {
  local signal=$1 jobs=$2; shift 2
  KILL_AT_RENAME_TO=/ESC-R-1 KILL_AT_RENAME_SIGNAL=$signal LD_PRELOAD=$KILL_SHIM \
    "$ESCALATE" build --quiet -j "$jobs" --now $NOW "$TMP/in" -o "$out" "$@" >/dev/null 2>"$TMP/err"
}
# Over the complete build above: ESC-R-1 is replaced, the run stops before ESC-R-2 (-j 1).
interrupted 2 1 --junit "$TMP/report.xml" --format json --output "$TMP/report.json"
status=$?
[ $status = 130 ] && pass "interrupted: exit 130" || fail "interrupted: exit $status, want 130"
expect_contains "$TMP/err" "escalate: interrupted: 1 pack written to $out/ before it; the other records were not built" "interrupted: says what it did"
expect_contains "$TMP/err" "the earlier build's summary.json, which no longer matched, was removed" "interrupted: says the summary went"
[ ! -e "$out/summary.json" ] && pass "interrupted: the earlier summary.json is gone" || fail "interrupted: a stale summary.json is left"
[ ! -e "$TMP/report.json" ] && [ ! -e "$TMP/report.xml" ] && pass "interrupted: no report file" || fail "interrupted: a report covering part of the batch"
[ -z "$(temporaries)" ] && pass "interrupted: nothing half-made left" || fail "interrupted left: $(temporaries)"
[ -f "$out/ESC-R-1/lint-report.json" ] && pass "interrupted: the pack built is in place" || fail "interrupted: ESC-R-1 missing"
# Into a new folder, with SIGTERM and both cores: packs in place are whole, nothing else is there.
# With 20 records the signal comes while the first pack is put in place, and a worker starts a
# record only within 8 of the one being put in place (the window at -j 2): the rest never start.
mkdir -p "$TMP/in20"
for i in $(seq 1 20); do sed "s/^id: ESC-2026-0142/id: ESC-T-$i/" fixtures/ESC-2026-0142.yaml > "$TMP/in20/t$i.yaml"; done
KILL_AT_RENAME_TO=/ESC-T-1 KILL_AT_RENAME_SIGNAL=15 LD_PRELOAD=$KILL_SHIM \
  "$ESCALATE" build --quiet -j 2 --now $NOW "$TMP/in20" -o "$TMP/packs20" >/dev/null 2>"$TMP/err"
status=$?
[ $status = 143 ] && pass "SIGTERM: exit 143" || fail "SIGTERM: exit $status, want 143"
expect_contains "$TMP/err" "escalate: stopped by SIGTERM: " "SIGTERM: says so"
left=$(ls -A "$TMP/packs20" | grep -v '^ESC-T-[0-9]*$')
[ -z "$left" ] && pass "SIGTERM: no summary, nothing half-made" || fail "SIGTERM left: $left"
built=$(ls "$TMP/packs20" | wc -l)
[ "$built" -ge 1 ] && [ "$built" -le 9 ] && pass "SIGTERM: $built packs, the rest not started" || fail "SIGTERM: $built packs"
for pack in "$TMP/packs20"/ESC-T-*; do
  [ -f "$pack/lint-report.json" ] && [ -f "$pack/exec-readout.pdf" ] || fail "SIGTERM: $pack is not whole"
done
expect_exit 0 "a build after the interrupted ones" -- "$ESCALATE" build --quiet --now $NOW "$TMP/in" -o "$out"
summary_valid && pass "after the interrupted ones: summary.json complete" || fail "after the interrupted ones: summary.json"
# SIGINT once every record has been started (as summary.json is put in place): the build is
# whole, and escalate still ends by the signal, so a loop of builds stops there.
KILL_AT_RENAME_TO=/summary.json KILL_AT_RENAME_SIGNAL=2 LD_PRELOAD=$KILL_SHIM \
  "$ESCALATE" build --now $NOW "$TMP/in" -o "$out" >/dev/null 2>"$TMP/err"
status=$?
[ $status = 130 ] && pass "SIGINT at the end: ends by it" || fail "SIGINT at the end: exit $status, want 130"
summary_valid && [ -z "$(temporaries)" ] && pass "SIGINT at the end: summary.json complete" || fail "SIGINT at the end: summary.json"
expect_contains "$TMP/err" "escalate: wrote 3 packs" "SIGINT at the end: says what it did"
# A problem met before the interrupt is still reported: a folder escalate did not write.
mkdir -p "$TMP/foreign/ESC-R-1" && echo mine > "$TMP/foreign/ESC-R-1/mine.txt"
KILL_AT_RENAME_TO=/ESC-R-2 KILL_AT_RENAME_SIGNAL=2 LD_PRELOAD=$KILL_SHIM \
  "$ESCALATE" build --quiet -j 1 --now $NOW "$TMP/in" -o "$TMP/foreign" >/dev/null 2>"$TMP/err"
expect_contains "$TMP/err" "refusing to replace '$TMP/foreign/ESC-R-1'" "interrupted: an earlier refusal is still said"
expect_contains "$TMP/err" "escalate: interrupted: 1 pack written" "interrupted: after the refusal, one pack"
expect_contains "$TMP/err" "(the report above covers only the records built)" "interrupted: the report on stdout is said to be partial"
# So is a report file that cannot be written.
KILL_AT_RENAME_TO=/ESC-R-1 KILL_AT_RENAME_SIGNAL=2 LD_PRELOAD=$KILL_SHIM \
  "$ESCALATE" build --quiet -j 1 --now $NOW "$TMP/in" -o "$TMP/nojunit" --junit "$TMP/nowhere/j.xml" >/dev/null 2>"$TMP/err"
expect_contains "$TMP/err" "$TMP/nowhere/j.xml" "interrupted: an unwritable --junit is still said"
# SIGINT as a report file replaces the last build's: the reports are finished and put in place,
# no temporary is left beside them, and escalate ends by the signal.
"$ESCALATE" build --quiet --now $NOW "$TMP/in" -o "$TMP/rep" --junit "$TMP/rep-junit.xml" >/dev/null 2>&1
KILL_AT_RENAME_TO=/rep-junit.xml KILL_AT_RENAME_SIGNAL=2 LD_PRELOAD=$KILL_SHIM \
  "$ESCALATE" build --quiet --now $NOW "$TMP/in" -o "$TMP/rep" --junit "$TMP/rep-junit.xml" >/dev/null 2>"$TMP/err"
status=$?
[ $status = 130 ] && pass "SIGINT at a report: ends by it" || fail "SIGINT at a report: exit $status, want 130"
tail -c 20 "$TMP/rep-junit.xml" | grep -q "</testsuites>" && pass "SIGINT at a report: the JUnit report is whole" || fail "SIGINT at a report: JUnit"
leftover=$(ls -A "$TMP" | grep "rep-junit.xml.tmp" || true)
[ -z "$leftover" ] && pass "SIGINT at a report: no temporary left" || fail "SIGINT at a report left $leftover"
expect_contains "$TMP/err" "once every record had been started: the build finished whole" "SIGINT at a report: says the build is whole"
# SIGINT, then SIGTERM: the second signal, whatever its kind, ends the process at once.
rm -rf "$TMP/twice"
KILL_AT_RENAME_TO=/ESC-R-1 KILL_AT_RENAME_SIGNAL=2,15 LD_PRELOAD=$KILL_SHIM \
  "$ESCALATE" build --quiet -j 1 --now $NOW "$TMP/in" -o "$TMP/twice" >/dev/null 2>"$TMP/err"
status=$?
[ $status = 143 ] && pass "SIGINT then SIGTERM: the second ends it (143)" || fail "SIGINT then SIGTERM: exit $status, want 143"
if grep -q "escalate: " "$TMP/err"; then fail "SIGINT then SIGTERM: it went on to say: $(cat "$TMP/err")"; else pass "SIGINT then SIGTERM: at once"; fi
# On a terminal, the progress bar is cleared before escalate says it was interrupted.
env -u CI -u GITHUB_ACTIONS KILL_AT_RENAME_TO=/ESC-T-5 KILL_AT_RENAME_SIGNAL=2 LD_PRELOAD=$KILL_SHIM $PY - "$ESCALATE" "$TMP/in20" "$TMP/tty" $NOW <<'PY' \
  && pass "interrupted on a terminal: the bar is cleared" || fail "interrupted on a terminal"
import os, pty, subprocess, sys
escalate, records, out, now = sys.argv[1:]
leader, follower = pty.openpty()
run = subprocess.run([escalate, "build", "-j", "1", "--now", now, records, "-o", out],
                     stdout=subprocess.DEVNULL, stderr=follower)
os.close(follower)
text = b""
while True:
    try:
        chunk = os.read(leader, 65536)
    except OSError:
        break
    if not chunk:
        break
    text += chunk
said = text.decode()
at = said.index("escalate: interrupted: 16 packs")
assert run.returncode == -2, run.returncode
assert said[:at].endswith("\r\x1b[K"), repr(said[-300:])
PY

# A file of that name that escalate did not write, or whose process still runs, is kept.
echo '{"mine": true}' > "$out/summary.json.tmp.999999999"
sleep 120 & alive=$!
trap 'kill $alive 2>/dev/null; rm -rf "$TMP"' EXIT
cp "$out/summary.json" "$out/summary.json.tmp.$alive"
expect_exit 0 "a build beside files it did not leave" -- "$ESCALATE" build --quiet --now $NOW "$TMP/in" -o "$out"
[ -f "$out/summary.json.tmp.999999999" ] && pass "someone else's file is kept" || fail "removed a file escalate did not write"
[ -f "$out/summary.json.tmp.$alive" ] && pass "a running process's file is kept" || fail "removed a running process's file"
kill $alive

finish
