#!/usr/bin/env bash
# The README's rules table is exactly what `escalate rules --markdown` prints.
source "$(dirname "$0")/lib.sh"
sed -n '/<!-- rules:begin/,/<!-- rules:end -->/p' README.md | sed '1d;$d' > "$TMP/readme-rules.md"
"$ESCALATE" rules --markdown > "$TMP/rules.md"
if cmp -s "$TMP/readme-rules.md" "$TMP/rules.md"; then pass "README rules table is current"
else fail "README rules table differs from 'escalate rules --markdown' (paste its output between the rules markers)"; diff "$TMP/readme-rules.md" "$TMP/rules.md" | head >&2; fi
finish
