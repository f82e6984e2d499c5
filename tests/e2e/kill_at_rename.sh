#!/usr/bin/env bash
# A build killed at the instant it names summary.json (tests/support/kill_at_rename.cpp stops it
# just before the rename) leaves no temporary file in sight, and the next build leaves none either.
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
