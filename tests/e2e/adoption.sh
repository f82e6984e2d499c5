#!/usr/bin/env bash
# Adoption end to end: the CI recipes in ci/examples/ and the pre-commit hooks run their own
# commands against fixtures in a throwaway repository; the man page renders and documents every
# option; bash completion loads and knows every command, option and rule; `cmake --install` and the
# .deb produce an escalate that works from where it is installed.
source "$(dirname "$0")/lib.sh"
BUILD=$(cd "$(dirname "$ESCALATE")" && pwd)
DRAFT_NOW=2026-11-02T08:30:00Z   # the clean drafts' next-update times are still ahead

# `escalate` on PATH, as the recipes call it, with a fixed clock (a draft's clock for lint-comms).
mkdir -p "$TMP/bin"
cat > "$TMP/bin/escalate" <<EOF
#!/usr/bin/env bash
case \${1:-} in
  check|build) exec "$ESCALATE" "\$1" --now $NOW "\${@:2}" ;;
  lint-comms) exec "$ESCALATE" "\$1" --now $DRAFT_NOW "\${@:2}" ;;
esac
exec "$ESCALATE" "\$@"
EOF
chmod +x "$TMP/bin/escalate"
export PATH="$TMP/bin:$PATH"

# A repository as a team would have it: incidents/ and drafts/; "dirty" adds broken ones.
make_repo() {  # DIR clean|dirty
  local d=$1
  mkdir -p "$d/.git" "$d/incidents" "$d/drafts"
  cp fixtures/ESC-2026-0142.yaml "$d/incidents/"
  cp fixtures/drafts/clean/* "$d/drafts/"
  printf '# Drafts\nCustomer emails waiting for review.\n' > "$d/drafts/README.md"
  if [ "$2" = dirty ]; then
    cp fixtures/bad/unknown-key.yaml "$d/incidents/ESC-2026-0143.yaml"
    cp fixtures/drafts/placeholder.txt "$d/drafts/update-2.txt"
  fi
}
make_repo "$TMP/clean" clean
make_repo "$TMP/dirty" dirty

validate_sarif() {  # FILE DESCRIPTION
  $PY tests/tools/validate_json.py tests/data/sarif-schema-2.1.0.json "$1" >"$TMP/v.out" 2>&1 \
    && pass "$2: SARIF validates" || { fail "$2: SARIF invalid"; head -20 "$TMP/v.out" >&2; }
}
junit_failures() {  # FILE -> prints the number of <failure>s; fails if it does not parse
  $PY - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
assert root.findall("testsuite"), "no testsuite"
print(len(root.findall(".//failure")))
PY
}

# ---------------------------------------------------------------------------------------------
# GitHub Actions: every `run:` step that uses escalate (not the install step) is run as written.
gh=ci/examples/github-actions.yml
$PY - "$gh" "$TMP/gh" <<'PY' && pass "github: workflow structure" || fail "github: workflow structure"
import os, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key `on` as true
assert "pull_request" in on, on
assert on["push"]["branches"] == ["main"], on
(job,) = wf["jobs"].values()
perms = job["permissions"]
assert perms.get("security-events") == "write", perms
steps = job["steps"]
uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
sarif = uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"]
artifact = uses["actions/upload-artifact"]
assert "push" in artifact["if"] and "refs/heads/main" in artifact["if"], artifact
out = sys.argv[2]
os.makedirs(out)
env = dict(wf.get("env", {}))
env.update(job.get("env", {}))
with open(f"{out}/env", "w") as f:
    for k, v in env.items():
        f.write(f"export {k}='{v}'\n")
    f.write(f"SARIF_FILE='{sarif}'\n")
    f.write(f"ARTIFACT_PATH='{artifact['with']['path']}'\n")
n = 0
for s in steps:
    run = s.get("run", "")
    if "escalate " not in run or "apt-get" in run:
        continue
    n += 1
    open(f"{out}/{n:02d}.sh", "w").write(run)
    open(f"{out}/{n:02d}.name", "w").write(s["name"])
assert n >= 4, n
PY
source "$TMP/gh/env"
[ "$ARTIFACT_PATH" = '${{ env.PACKS }}' ] && pass "github: the artifact is \$PACKS" || fail "github: artifact path $ARTIFACT_PATH"
grep -q -- '--format sarif' "$gh" && grep -q -- '--format github' "$gh" && grep -q 'escalate lint-comms' "$gh" \
  && grep -q 'escalate build' "$gh" && pass "github: sarif, annotations, drafts, packs" || fail "github: a command is missing"

run_gh() {  # REPO: runs every step as GitHub would (bash -eo pipefail), step outputs in $TMP/gh/NN.*
  local repo=$1 s
  for s in "$TMP"/gh/[0-9][0-9].sh; do
    (cd "$repo" && bash --noprofile --norc -eo pipefail "$s") >"${s%.sh}.out" 2>"${s%.sh}.err"
    echo $? >"${s%.sh}.rc"
  done
}
gh_rc() { cat "$TMP/gh/$(grep -lx "$1" "$TMP"/gh/*.name | xargs -n1 basename | sed 's/\.name$//').rc"; }
gh_out() { echo "$TMP/gh/$(grep -lx "$1" "$TMP"/gh/*.name | xargs -n1 basename | sed 's/\.name$//').out"; }

run_gh "$TMP/clean"
for s in "$TMP"/gh/[0-9][0-9].sh; do
  name=$(cat "${s%.sh}.name")
  [ "$(cat "${s%.sh}.rc")" = 0 ] && pass "github clean: '$name' passes" \
    || { fail "github clean: '$name' exit $(cat "${s%.sh}.rc")"; sed 's/^/  | /' "${s%.sh}.out" "${s%.sh}.err" | head >&2; }
done
validate_sarif "$TMP/clean/$SARIF_FILE" "github clean"
[ -s "$TMP/clean/$PACKS/ESC-2026-0142/emails/01-initial.eml" ] && [ -s "$TMP/clean/$PACKS/summary.json" ] \
  && pass "github clean: PIR packs in \$PACKS" || fail "github clean: no PIR pack in $PACKS"
n=$(junit_failures "$TMP/clean/escalate-junit.xml") && [ "$n" = 0 ] && pass "github clean: build's JUnit parses, no failures" \
  || fail "github clean: build's JUnit ($n)"

run_gh "$TMP/dirty"
[ "$(gh_rc 'SARIF report')" = 0 ] && pass "github dirty: SARIF step tolerates findings" || fail "github dirty: SARIF step exit $(gh_rc 'SARIF report')"
validate_sarif "$TMP/dirty/$SARIF_FILE" "github dirty"
$PY - "$TMP/dirty/$SARIF_FILE" <<'PY' && pass "github dirty: SARIF result at its place" || fail "github dirty: SARIF results"
import json, sys
rs = json.load(open(sys.argv[1]))["runs"][0]["results"]
loc = lambda r: r["locations"][0]["physicalLocation"]
assert any(r["ruleId"] == "schema" and loc(r)["artifactLocation"]["uri"] == "incidents/ESC-2026-0143.yaml"
           and loc(r)["region"]["startLine"] == 6 and loc(r)["region"]["startColumn"] == 1 for r in rs), rs
PY
[ "$(gh_rc 'Check records')" = 1 ] && pass "github dirty: check fails the job" || fail "github dirty: check exit $(gh_rc 'Check records')"
expect_contains "$(gh_out 'Check records')" "::error file=incidents/ESC-2026-0143.yaml,line=6,col=1,title=schema::unknown key 'sumary'" \
  "github dirty: annotation on the record"
if grep '^::' "$(gh_out 'Check records')" | grep -v '^::\(error\|warning\|notice\) file=[^,]*,line=[1-9][0-9]*,col=[1-9][0-9]*,title=[a-z-]*::.' | grep -q .; then
  fail "github dirty: a malformed workflow command"; head "$(gh_out 'Check records')" >&2
else pass "github dirty: every workflow command is well-formed"; fi
[ "$(gh_rc 'Lint email drafts')" = 1 ] && pass "github dirty: draft lint fails" || fail "github dirty: lint exit $(gh_rc 'Lint email drafts')"
expect_contains "$(gh_out 'Lint email drafts')" "::error file=drafts/update-2.txt,line=" "github dirty: annotation on the draft"
expect_contains "$(gh_out 'Lint email drafts')" "title=draft-placeholder::" "github dirty: draft rule named"
rm -rf "$TMP/gh"

# ---------------------------------------------------------------------------------------------
# GitLab CI: the job's script, line by line with errexit as the runner does, on the default branch.
gl=ci/examples/gitlab-ci.yml
$PY - "$gl" "$TMP/gl.sh" <<'PY' && pass "gitlab: job structure" || fail "gitlab: job structure"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
(job,) = [v for k, v in doc.items() if isinstance(v, dict) and "script" in v]
assert job["artifacts"]["reports"]["junit"] == "escalate-junit.xml", job["artifacts"]
assert job["artifacts"]["when"] == "always", job["artifacts"]
with open(sys.argv[2], "w") as f:
    for k, v in job.get("variables", {}).items():
        f.write(f"export {k}='{v}'\n")
    f.write("export CI_COMMIT_BRANCH=main CI_DEFAULT_BRANCH=main\n")
    f.write("\n".join(job["script"]) + "\n")
assert any("--format junit" in line for line in job["script"])
PY
expect_exit 0 "gitlab clean: script passes" -- bash -c "cd '$TMP/clean' && rm -rf packs && bash -eo pipefail '$TMP/gl.sh'"
n=$(junit_failures "$TMP/clean/escalate-junit.xml") && [ "$n" = 0 ] && pass "gitlab clean: JUnit parses, no failures" || fail "gitlab clean: JUnit ($n)"
[ -s "$TMP/clean/packs/ESC-2026-0142/exec-readout.pdf" ] || [ -s "$TMP/clean/packs/ESC-2026-0142/emails/01-initial.eml" ] \
  && pass "gitlab clean: packs on the default branch" || fail "gitlab clean: no packs"
expect_exit 1 "gitlab dirty: script fails" -- bash -c "cd '$TMP/dirty' && bash -eo pipefail '$TMP/gl.sh'"
expect_contains "$TMP/out" "incidents/ESC-2026-0143.yaml:6:1: error: unknown key" "gitlab dirty: text report in the log"
n=$(junit_failures "$TMP/dirty/escalate-junit.xml") && [ "$n" -ge 1 ] && pass "gitlab dirty: JUnit has $n failure(s)" || fail "gitlab dirty: JUnit ($n)"
expect_contains "$TMP/dirty/escalate-junit.xml" "incidents/ESC-2026-0143.yaml" "gitlab dirty: JUnit names the file"

# ---------------------------------------------------------------------------------------------
# The generic shell recipe.
gen=$SRC/ci/examples/generic.sh
expect_exit 0 "generic clean: exit 0" -- bash -c "cd '$TMP/clean' && BUILD_PACKS=1 sh '$gen'"
for f in report.txt junit.xml escalate.sarif report.json packs/summary.json; do
  [ -s "$TMP/clean/escalate-reports/$f" ] && pass "generic clean: $f" || fail "generic clean: no $f"
done
validate_sarif "$TMP/clean/escalate-reports/escalate.sarif" "generic clean"
$PY tests/tools/validate_json.py schemas/report.schema.json "$TMP/clean/escalate-reports/report.json" >/dev/null \
  && pass "generic clean: JSON report validates" || fail "generic clean: JSON report invalid"
expect_exit 1 "generic dirty: exit 1" -- bash -c "cd '$TMP/dirty' && sh '$gen'"
expect_contains "$TMP/out" "incidents/ESC-2026-0143.yaml:6:1: error:" "generic dirty: findings in the log"
expect_contains "$TMP/out" "drafts/update-2.txt:" "generic dirty: draft findings in the log"
n=$(junit_failures "$TMP/dirty/escalate-reports/junit.xml") && [ "$n" -ge 1 ] && pass "generic dirty: JUnit failures" || fail "generic dirty: JUnit ($n)"
validate_sarif "$TMP/dirty/escalate-reports/escalate.sarif" "generic dirty"
expect_exit 2 "generic: a missing records folder is exit 2" -- bash -c "cd '$TMP/clean' && RECORDS=nowhere/ sh '$gen'"

# ---------------------------------------------------------------------------------------------
# pre-commit: the hooks parse, and each entry runs on the files its `files` pattern selects.
$PY - .pre-commit-hooks.yaml "$TMP/hooks" <<'PY' && pass "pre-commit: hooks parse" || fail "pre-commit: hooks"
import os, sys, yaml
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[1]))}
assert set(hooks) == {"escalate-check", "escalate-lint-comms"}, hooks
os.makedirs(sys.argv[2])
for h in hooks.values():
    assert h["language"] == "system" and h["name"] and h["files"], h
    open(f"{sys.argv[2]}/{h['id']}.entry", "w").write(h["entry"])
    open(f"{sys.argv[2]}/{h['id']}.files", "w").write(h["files"])
    open(f"{sys.argv[2]}/{h['id']}.exclude", "w").write(h.get("exclude", ""))
assert hooks["escalate-check"]["entry"] == "escalate check"
assert hooks["escalate-lint-comms"]["entry"] == "escalate lint-comms"
PY
run_hook() {  # REPO HOOK: runs the entry with the repository's matching files, as pre-commit does
  local repo=$1 hook=$2 files
  (cd "$repo" && find . -type f -not -path './.git/*' | sed 's|^\./||' | sort \
     | $PY -c 'import re, sys; p, x = re.compile(open(sys.argv[1]).read()), re.compile(open(sys.argv[2]).read() or "^$"); print("\n".join(l for l in sys.stdin.read().split("\n") if l and p.search(l) and not x.search(l)))' "$TMP/hooks/$hook.files" "$TMP/hooks/$hook.exclude") \
     > "$TMP/hooks/$hook.selected"
  mapfile -t files < "$TMP/hooks/$hook.selected"
  [ ${#files[@]} -gt 0 ] || { echo "no files selected" >&2; return 3; }
  (cd "$repo" && $(cat "$TMP/hooks/$hook.entry") "${files[@]}")
}
expect_exit 0 "pre-commit clean: escalate-check" -- run_hook "$TMP/clean" escalate-check
grep -q '^drafts/\|escalate-reports/' "$TMP/hooks/escalate-check.selected" && fail "escalate-check selects non-records" || pass "escalate-check selects only records"
expect_exit 0 "pre-commit clean: escalate-lint-comms" -- run_hook "$TMP/clean" escalate-lint-comms
[ "$(wc -l < "$TMP/hooks/escalate-lint-comms.selected")" = 6 ] && pass "escalate-lint-comms selects the 6 drafts" \
  || fail "escalate-lint-comms selected: $(cat "$TMP/hooks/escalate-lint-comms.selected")"
expect_exit 1 "pre-commit dirty: escalate-check blocks the commit" -- run_hook "$TMP/dirty" escalate-check
expect_exit 1 "pre-commit dirty: escalate-lint-comms blocks the commit" -- run_hook "$TMP/dirty" escalate-lint-comms

# ---------------------------------------------------------------------------------------------
# The man page: renders without warnings, names every command and option, has the right version.
version=$("$ESCALATE" --version | awk '{print $2}')
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z docs/escalate.1 2>"$TMP/groff.err"
  [ ! -s "$TMP/groff.err" ] && pass "man page: groff -ww renders without warnings" || { fail "man page: groff warnings"; cat "$TMP/groff.err" >&2; }
  if command -v man >/dev/null; then
    MANWIDTH=80 man --warnings -l docs/escalate.1 >"$TMP/man.txt" 2>"$TMP/man.err"
    [ ! -s "$TMP/man.err" ] && grep -q '^EXIT STATUS' "$TMP/man.txt" && pass "man page: man -l renders" || { fail "man -l"; cat "$TMP/man.err" >&2; }
  fi
else
  pass "man page rendering skipped: groff is not installed"
fi
grep -q "^\.TH ESCALATE 1 .*\"escalate $version\"" docs/escalate.1 && pass "man page: version $version" || fail "man page: .TH is not version $version"
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
  grep -q "^\.SH \"\?$s" docs/escalate.1 && pass "man page: $s" || fail "man page lacks $s"
done
for e in NO_COLOR GITHUB_ACTIONS CI SOURCE_DATE_EPOCH; do grep -q "^\.B $e$" docs/escalate.1 && pass "man page: \$$e" || fail "man page lacks \$$e"; done
grep -q '^\.B \.escalate\.yaml$' docs/escalate.1 && pass "man page: .escalate.yaml" || fail "man page lacks .escalate.yaml"
# Every subcommand and every option of every subcommand, from the binary's own --help.
commands=$("$ESCALATE" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[ -n "$commands" ] && pass "commands: $(echo $commands)" || fail "no subcommands in --help"
help_options() { "$ESCALATE" "$@" --help | grep -oE '^ +(-[a-zA-Z],)?--[a-z-]+' | tr ',' '\n' | tr -d ' '; }
roff() { sed 's/-/\\-/g' <<<"$1"; }
for c in $commands; do
  grep -qF -- "$(roff "$c")" docs/escalate.1 && pass "man page: command $c" || fail "man page lacks command $c"
  for o in $(help_options "$c"); do
    grep -qF -- "$(roff "$o")" docs/escalate.1 || fail "man page lacks $c $o"
  done
done
pass "man page: every option checked"

# ---------------------------------------------------------------------------------------------
# bash completion.
expect_exit 0 "completion loads" -- bash -c 'source completions/escalate.bash; complete -p escalate'
expect_contains "$TMP/out" "complete -F _escalate escalate" "completion registered for escalate"
complete_words() {  # WORDS...: what TAB offers after them
  bash -c 'source completions/escalate.bash
           COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _escalate 2>/dev/null
           printf "%s\n" "${COMPREPLY[@]}"' _ "$@" | sort -u
}
same() {  # DESCRIPTION WANT GOT
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1"; diff <(echo "$2") <(echo "$3") | sed 's/^/  | /' >&2; fi
}
same "completion: subcommands" "$(echo "$commands" | sort -u)" "$(complete_words "$ESCALATE" '' | grep -v '^-')"
for c in $commands; do
  same "completion: options of $c" "$(help_options "$c" | sort -u)" "$(complete_words "$ESCALATE" "$c" -)"
done
same "completion: rule ids for explain" "$("$ESCALATE" rules | awk '{print $1}' | sort -u)" "$(complete_words "$ESCALATE" explain '')"
same "completion: formats" "$(printf '%s\n' github json junit sarif text)" "$(complete_words "$ESCALATE" check --format '')"
same "completion: records" "fixtures/ESC-2026-0142.yaml" "$(complete_words "$ESCALATE" check fixtures/ESC)"

# ---------------------------------------------------------------------------------------------
# cmake --install into a staging root, then the installed binary from outside the source tree.
root=$TMP/root
if DESTDIR=$root cmake --install "$BUILD" >"$TMP/install.log" 2>&1; then pass "cmake --install"; else fail "cmake --install"; tail "$TMP/install.log" >&2; fi
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$BUILD/CMakeCache.txt")
check_installed() {  # ROOT PREFIX WHAT: the layout and a working binary
  local r=$1 p=$2 what=$3 f
  for f in bin/escalate share/man/man1/escalate.1.gz share/bash-completion/completions/escalate \
           share/escalate/schemas/incident.schema.json share/escalate/schemas/config.schema.json \
           share/escalate/schemas/report.schema.json share/escalate/templates/initial.mustache \
           share/doc/escalate/README.md share/doc/escalate/copyright; do
    [ -e "$r$p/$f" ] && pass "$what: $p/$f" || fail "$what: no $p/$f"
  done
  mkdir -p "$TMP/elsewhere-$what" "$TMP/reference-$what"
  cp fixtures/ESC-2026-0142.yaml "$TMP/elsewhere-$what/"
  cp fixtures/ESC-2026-0142.yaml "$TMP/reference-$what/"
  expect_exit 0 "$what: escalate --version" -- env -C / "$r$p/bin/escalate" --version
  expect_contains "$TMP/out" "escalate $version" "$what: version $version"
  expect_exit 0 "$what: escalate build" -- env -C "$TMP/elsewhere-$what" "$r$p/bin/escalate" build --now $NOW ESC-2026-0142.yaml -o packs
  for f in exec-readout.pdf emails/01-initial.eml lint-report.txt; do
    [ -s "$TMP/elsewhere-$what/packs/ESC-2026-0142/$f" ] && pass "$what: the pack has $f" || fail "$what: the pack lacks $f"
  done
  # Byte for byte what the build tree's binary writes: nothing comes from the source tree.
  env -C "$TMP/reference-$what" "$ESCALATE" build -q --now $NOW ESC-2026-0142.yaml -o packs >/dev/null 2>&1
  [ -s "$TMP/elsewhere-$what/packs/ESC-2026-0142/emails/01-initial.eml" ] && diff -r "$TMP/reference-$what" "$TMP/elsewhere-$what" >/dev/null \
    && pass "$what: the pack equals the build tree's" || fail "$what: the pack differs from the build tree's"
  # The modeline `escalate init` writes names the schema this installation holds (offline),
  # found beside the binary wherever the installation is.
  schema=$("$r$p/bin/escalate" init | sed -n 's/^# yaml-language-server: \$schema=//p')
  [ "$schema" = "$(realpath "$r$p")/share/escalate/schemas/incident.schema.json" ] && [ -f "$schema" ] \
    && pass "$what: init's modeline names the installed schema" || fail "$what: init's modeline names '$schema'"
  if grep -qaF "$SRC/templates" "$r$p/bin/escalate"; then fail "$what: the binary refers to the source tree's templates"; else pass "$what: no source-tree paths"; fi
}
check_installed "$root" "$prefix" install
gzip -dc "$root$prefix/share/man/man1/escalate.1.gz" | cmp -s - docs/escalate.1 && pass "install: the man page (gzipped)" || fail "install: man page differs"
bash -c "source '$root$prefix/share/bash-completion/completions/escalate' && complete -p escalate" >/dev/null 2>&1 \
  && pass "install: completion loads" || fail "install: completion does not load"

# ---------------------------------------------------------------------------------------------
# The .deb: built by CPack, unpacked into a temporary root, run from there.
if [ ! -f "$BUILD/CPackConfig.cmake" ] || ! command -v dpkg-deb >/dev/null; then
  fail "no CPackConfig.cmake in $BUILD or no dpkg-deb"
else
  start=$SECONDS
  if cpack --config "$BUILD/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.log" 2>&1; then
    pass "cpack built a .deb in $((SECONDS - start)) s"
  else
    fail "cpack"; tail -20 "$TMP/cpack.log" >&2
  fi
  deb=$(ls "$TMP"/pkg/*.deb 2>/dev/null | head -1)
  arch=$(dpkg --print-architecture)
  [ "$(basename "$deb")" = "escalate_${version}_$arch.deb" ] && pass "deb: escalate_${version}_$arch.deb" || fail "deb: named '$deb'"
  dpkg-deb -I "$deb" >"$TMP/deb-info" 2>&1
  sed 's/^/  deb | /' "$TMP/deb-info" | grep -E 'Package|Version|Architecture|Depends|Section|Maintainer'
  for field in "Package: escalate" "Version: $version" "Architecture: $arch" "Section: utils" "Maintainer: " "Description: "; do
    expect_contains "$TMP/deb-info" " $field" "deb: $field"
  done
  depends=$(dpkg-deb -f "$deb" Depends)
  # Every shared library the binary needs must come from a package in Depends, and the font too
  wanted="fonts-dejavu-core"
  # (the libraries it is linked against: their own dependencies are their packages' business).
  for soname in $(objdump -p "$ESCALATE" | awk '$1 == "NEEDED" {print $2}'); do
    lib=$(ldd "$ESCALATE" | awk -v so="$soname" '$1 == so && $3 ~ /^\// {print $3}')
    [ -n "$lib" ] || { fail "deb: $soname not found by ldd"; continue; }
    pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null)
    pkg=${pkg%%:*}
    [ -n "$pkg" ] && wanted="$wanted $pkg"
  done
  deps=$(sed 's/ ([^)]*)//g; s/ *[,|] */\n/g' <<<"$depends")  # names only, one a line
  for p in $wanted; do
    grep -qxF "$p" <<<"$deps" && pass "deb: Depends on $p" || fail "deb: Depends lacks $p: $depends"
  done
  debroot=$TMP/debroot
  if dpkg-deb -x "$deb" "$debroot"; then pass "dpkg-deb -x"; else fail "dpkg-deb -x"; fi
  check_installed "$debroot" /usr deb
  dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '^\./usr/' | grep -q . && fail "deb: files outside /usr" || pass "deb: everything under /usr"
  # lintian (test-only, ci/setup): no error or warning.
  if command -v lintian >/dev/null; then
    lintian --fail-on error,warning "$deb" >"$TMP/lintian.txt" 2>&1 \
      && pass "deb: lintian is clean" || { fail "deb: lintian"; cat "$TMP/lintian.txt" >&2; }
  else
    fail "deb: lintian is not installed (run ESCALATE_SETUP_TESTS=1 ci/setup)"
  fi
fi

finish
