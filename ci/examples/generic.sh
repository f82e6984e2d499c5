#!/bin/sh
# escalate in any CI (Jenkins, Buildkite, Azure Pipelines, TeamCity, a cron job): one POSIX shell
# step that writes every report and exits with escalate's exit status.
#
#   RECORDS=incidents/ DRAFTS=drafts/ REPORTS=escalate-reports/ sh generic.sh
#
# Writes into $REPORTS: report.txt (also printed), junit.xml (test reporters), escalate.sarif
# (code-scanning tools), report.json (dashboards; schemas/report.schema.json), and with
# BUILD_PACKS=1 the PIR packs in $REPORTS/packs/. Lints the drafts in $DRAFTS if it exists.
# Exit status: 0 clean, 1 error-level findings (warnings too with STRICT=1), 2 usage, configuration
# or I/O error. Needs escalate on PATH (the .deb, or cmake --install).
# tests/e2e/adoption.sh runs this script against fixtures/.
set -u
RECORDS=${RECORDS:-incidents/}
DRAFTS=${DRAFTS:-drafts/}
REPORTS=${REPORTS:-escalate-reports/}
strict=""
[ "${STRICT:-0}" = 1 ] && strict="--strict"

mkdir -p "$REPORTS" || exit 2
status=0
# Runs a command and keeps the worst exit status (2 beats 1 beats 0).
run() {
  "$@"
  rc=$?
  [ "$rc" -gt "$status" ] && status=$rc
  return 0
}

run escalate check $strict --no-color -o "$REPORTS/report.txt" "$RECORDS"
cat "$REPORTS/report.txt" 2>/dev/null
run escalate check $strict --format junit -o "$REPORTS/junit.xml" "$RECORDS"
run escalate check $strict --format sarif -o "$REPORTS/escalate.sarif" "$RECORDS"
run escalate check $strict --format json -o "$REPORTS/report.json" "$RECORDS"
if [ -d "$DRAFTS" ]; then
  run escalate lint-comms $strict --no-color "$DRAFTS"
fi
if [ "${BUILD_PACKS:-0}" = 1 ]; then
  run escalate build $strict --no-color -q "$RECORDS" -o "$REPORTS/packs"
fi

echo "escalate: reports in $REPORTS (exit status $status)" >&2
exit "$status"
