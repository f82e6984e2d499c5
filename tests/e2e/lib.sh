# Shared helpers for the end-to-end tests: run the built binary, compare, fail loudly.
# Sourced by tests/e2e/*.sh; ESCALATE (the binary) and SRC (the source tree) come from CTest.
set -uo pipefail
: "${ESCALATE:?set ESCALATE to the built escalate binary}"
ESCALATE=$(realpath "$ESCALATE")
: "${SRC:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$SRC"
export NO_COLOR=1
unset GITHUB_ACTIONS CI
PY=/usr/bin/python3
NOW=2026-11-20T12:00:00Z
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, want $want"; sed 's/^/  | /' "$TMP/out" "$TMP/err" | head -20 >&2
  else
    pass "$what"
  fi
}

# expect_contains FILE TEXT DESCRIPTION
expect_contains() {
  if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3: '$2' not in $1"; sed 's/^/  | /' "$1" | head -20 >&2; fi
}

# compare_golden NAME: $TMP/NAME against the golden $GOLD/NAME (the test sets GOLD). With
# UPDATE_GOLDEN=1 (or ESCALATE_UPDATE_GOLDEN=1) $TMP/NAME first replaces the golden: review the diff.
compare_golden() {
  if [ "${UPDATE_GOLDEN:-${ESCALATE_UPDATE_GOLDEN:-0}}" = 1 ]; then cp "$TMP/$1" "$GOLD/$1"; fi
  if diff -u "$GOLD/$1" "$TMP/$1" >"$TMP/diff"; then pass "$1"; else fail "$1 differs from the golden"; cat "$TMP/diff" >&2; fi
}

# golden_run NAME EXIT -- ARGS...: runs escalate ARGS with its output in $TMP/NAME (stderr in
# $TMP/NAME.err), checks the exit status is EXIT, then compare_golden NAME.
golden_run() {
  local name=$1 want=$2; shift 3
  "$ESCALATE" "$@" >"$TMP/$name" 2>"$TMP/$name.err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    if [ "${UPDATE_GOLDEN:-${ESCALATE_UPDATE_GOLDEN:-0}}" = 1 ]; then cp "$TMP/$name" "$GOLD/$name"; fi
    fail "$name: exit $got, want $want"; sed 's/^/  | /' "$TMP/$name.err" >&2; return
  fi
  compare_golden "$name"
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
  echo "all passed"
}
