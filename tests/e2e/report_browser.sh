#!/usr/bin/env bash
# escalate report's page in a real browser: headless Chromium (Debian's chromium, installed by
# ci/setup for this test only) takes screenshots at a desktop and a phone width; neither is
# blank, and the DOM Chromium built holds every metric's name. Exit 77 (skipped, with the
# reason) where Chromium is missing or cannot start.
source "$(dirname "$0")/lib.sh"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then echo "SKIP: chromium is not installed (ESCALATE_SETUP_TESTS=1 ci/setup installs it for this test)"; exit 77; fi
chrome() { timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --disable-dev-shm-usage --user-data-dir="$TMP/profile" "$@" 2>>"$TMP/chromium.log"; }
if ! chrome --dump-dom "data:text/html,<p>ok</p>" | grep -q "<p>ok</p>"; then
  echo "SKIP: chromium cannot run here:"; tail -5 "$TMP/chromium.log"; exit 77
fi

"$ESCALATE" report --now 2026-12-20T12:00:00Z -o "$TMP/report.html" tests/data/report/incidents tests/data/report/broken 2>/dev/null
"$ESCALATE" report --now 2026-12-20T12:00:00Z --format json tests/data/report/incidents >"$TMP/report.json"

chrome --dump-dom "file://$TMP/report.html" >"$TMP/dom.html"
args=()
while IFS= read -r line; do args+=(--text "$line"); done < <($PY -c '
import json, sys
for m in json.load(open(sys.argv[1]))["metrics"]:
    print(m["name"])
' "$TMP/report.json")
if $PY tests/tools/check_html.py "$TMP/dom.html" "${args[@]}" --text "Ñandú S.A. — Zürich"; then
  pass "Chromium's DOM names every metric"
else
  fail "Chromium's DOM lacks a metric"
fi

for size in 1280,2600 390,5200; do
  png="$TMP/report-${size%%,*}.png"
  chrome --screenshot="$png" --window-size="$size" "file://$TMP/report.html" >/dev/null
  if [ ! -s "$png" ]; then fail "no screenshot at $size"; continue; fi
  if $PY tests/tools/png_ink.py "$png" 0.03; then pass "screenshot at $size is not blank"; else fail "screenshot at $size is blank"; fi
  if [ -n "${ESCALATE_KEEP_SCREENSHOTS:-}" ]; then cp "$png" "$ESCALATE_KEEP_SCREENSHOTS/"; fi
done
finish
