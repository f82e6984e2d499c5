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

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
  echo "all passed"
}
