#!/usr/bin/env bash
# Files that are not records: `exclude:` globs in .escalate.yaml and --exclude leave them out of
# folder searches; one left in is one "not an escalation record" finding, not a dozen.
source "$(dirname "$0")/lib.sh"

repo="$TMP/repo"
mkdir -p "$repo/.git" "$repo/docs" "$repo/incidents" "$repo/drafts"
cp fixtures/ESC-2026-0142.yaml "$repo/incidents/"
printf 'site_name: Escalations\nnav:\n  - Home: index.md\ntheme:\n  name: material\n' >"$repo/docs/mkdocs.yml"
sed 's/^id: ESC-2026-0142/id: ESC-DRAFT-1/' fixtures/ESC-2026-0142.yaml >"$repo/drafts/wip.yaml"

# Without exclusions: the mkdocs file is one clear finding.
(cd "$repo" && "$ESCALATE" check --now "$NOW" . >"$TMP/plain" 2>&1); status=$?
[ "$status" -eq 1 ] && pass "a non-record file fails the check" || fail "exit $status, want 1"
expect_contains "$TMP/plain" "docs/mkdocs.yml:1:1: error: not an escalation record" "the finding names the file"
[ "$(grep -c 'docs/mkdocs.yml:' "$TMP/plain")" -eq 1 ] && pass "exactly one finding for it" \
  || { fail "more than one finding for mkdocs.yml"; cat "$TMP/plain" >&2; }

# exclude: in the configuration, relative to the configuration file.
printf 'exclude: [docs, "drafts/**"]\n' >"$repo/.escalate.yaml"
(cd "$repo/incidents" && "$ESCALATE" check --strict --now "$NOW" .. >"$TMP/conf" 2>&1); status=$?
[ "$status" -eq 0 ] && pass "exclude: in .escalate.yaml leaves docs/ and drafts/ out" \
  || { fail "exit $status with exclude:"; cat "$TMP/conf" >&2; }
expect_contains "$TMP/conf" "1 record" "only the one record was checked"

# --exclude on the command line, relative to the working folder.
rm "$repo/.escalate.yaml"
(cd "$repo" && "$ESCALATE" check --strict --now "$NOW" --exclude mkdocs.yml --exclude 'drafts/*' . >"$TMP/cli" 2>&1); status=$?
[ "$status" -eq 0 ] && pass "--exclude leaves the files out" || { fail "exit $status with --exclude"; cat "$TMP/cli" >&2; }

# A file named on the command line is always checked.
(cd "$repo" && "$ESCALATE" check --now "$NOW" --exclude docs docs/mkdocs.yml >"$TMP/named" 2>&1); status=$?
[ "$status" -eq 1 ] && pass "a file named on the command line is checked even when excluded" || fail "exit $status, want 1"

# A bad exclude: is a configuration error (exit 2).
printf 'exclude: docs\n' >"$repo/.escalate.yaml"
(cd "$repo" && "$ESCALATE" check --now "$NOW" . >"$TMP/bad" 2>&1); status=$?
[ "$status" -eq 2 ] && pass "exclude: that is not a list is a configuration error" || fail "exit $status, want 2"
finish
