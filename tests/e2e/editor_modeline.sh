# The modeline `escalate init` writes, tried in yaml-language-server itself (the server behind
# VS Code's YAML extension, Neovim's yamlls, ...): the schema loads offline and is applied. The
# server comes from npm (test-only, cached under ~/.cache); where npm or the registry cannot be
# reached the test is skipped (exit 77).
source "$(dirname "$0")/lib.sh"

cache=${XDG_CACHE_HOME:-$HOME/.cache}/escalate-tests/yaml-language-server
server=$cache/node_modules/yaml-language-server/bin/yaml-language-server
if [ ! -f "$server" ]; then
  if ! command -v npm >/dev/null || ! command -v node >/dev/null; then echo "skip: no npm/node"; exit 77; fi
  mkdir -p "$cache"
  if ! (cd "$cache" && timeout 300 npm install --no-audit --no-fund --silent yaml-language-server@1 >/dev/null 2>&1); then
    echo "skip: npm install yaml-language-server failed (offline?)"; exit 77
  fi
fi

# A new record with one mistake the schema knows (severity P9), in a folder of its own.
mkdir -p "$TMP/incidents"
"$ESCALATE" init --id ESC-2026-0999 | sed 's/^severity: P3 /severity: P9 /' > "$TMP/incidents/ESC-2026-0999.yaml"
grep -q '^severity: P9 ' "$TMP/incidents/ESC-2026-0999.yaml" || fail "the skeleton has no 'severity: P3' line to break"
timeout 120 $PY tests/tools/yaml_ls_check.py "$server" "$TMP/incidents/ESC-2026-0999.yaml" > "$TMP/diags.txt" \
  && pass "yaml-language-server published diagnostics" || fail "yaml-language-server did not answer"
sed 's/^/  yls | /' "$TMP/diags.txt" | head -5
! grep -q "Unable to load schema" "$TMP/diags.txt" && pass "the modeline's schema loads offline" \
  || fail "the modeline's schema does not load: $(cat "$TMP/diags.txt")"
line=$(grep -n '^severity: P9' "$TMP/incidents/ESC-2026-0999.yaml" | cut -d: -f1)
expect_contains "$TMP/diags.txt" "$line:11: Value is not accepted. Valid values: \"P1\", \"P2\", \"P3\"." \
  "the schema is applied: severity P9 is reported at its line"
finish
