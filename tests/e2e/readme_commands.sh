#!/usr/bin/env bash
# Every escalate command that README.md shows is run with the built binary: a newcomer who copies
# it gets a working command (exit 0 or 1, never 2: usage, configuration or I/O error), and where
# the README shows the output too, that output is what the command prints.
#
# A command is a line in a ```sh / ```bash / ```shell block, or a line after a `$ ` prompt in any
# block (```console included), that starts with `escalate ` or pipes into it (`... | escalate ...`).
# Lines after a `$ ` command up to the next prompt or the end of the block are its expected
# output (stdout and stderr); a line `...` stands for any number of lines. Unprompted lines in
# plain ``` blocks (the command synopsis) are not run.
#
# The commands run in a copy of the source tree (so `-o out/packs` writes nothing into it) that
# also has what the README's recipes assume a team repository has: incidents/ and drafts/.
source "$(dirname "$0")/lib.sh"

work=$TMP/work
mkdir -p "$work"
for entry in "$SRC"/* "$SRC"/.[!.]*; do
  case $(basename "$entry") in build|out|.git|.ci) continue ;; esac
  cp -a "$entry" "$work/"
done
mkdir -p "$work/.git" "$work/incidents" "$work/drafts"
cp fixtures/ESC-2026-0142.yaml "$work/incidents/"
cp fixtures/drafts/clean/* "$work/drafts/" 2>/dev/null
mkdir -p "$TMP/bin"
ln -s "$ESCALATE" "$TMP/bin/escalate"
export PATH="$TMP/bin:$PATH"

# README.md -> $TMP/cmd/NNN.sh (the command), NNN.expected (its shown output, if any), NNN.line.
$PY - README.md "$TMP/cmd" <<'PY'
import os, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = sys.argv[2]
os.makedirs(out)
SCRIPT = {"sh", "bash", "shell", "zsh"}  # every line is a command; console: only `$ ` lines
is_cmd = re.compile(r"^escalate\s|\|\s*escalate\s")
n = 0
fence, lang, current = None, "", None

def emit(cmd, lineno, expected):
    global n
    n += 1
    base = f"{out}/{n:03d}"
    open(base + ".sh", "w").write(cmd + "\n")
    open(base + ".line", "w").write(str(lineno))
    if expected is not None:
        while expected and not expected[-1].strip():
            expected.pop()
        if expected:
            open(base + ".expected", "w").write("\n".join(expected) + "\n")

i = 0
while i < len(lines):
    line = lines[i]
    m = re.match(r"^\s*(```+|~~~+)\s*([\w+-]*)", line)
    if fence is None and m:
        fence, lang = m.group(1), m.group(2).lower()
        i += 1
        continue
    if fence is not None and line.strip().startswith(fence[:3]) and line.strip().strip(fence[0]) == "":
        if current:
            emit(*current)
        fence, current = None, None
        i += 1
        continue
    if fence is not None:
        prompted = line.startswith("$ ")
        text = line[2:] if prompted else line
        if prompted or lang in SCRIPT:
            start = i + 1
            while text.endswith("\\") and i + 1 < len(lines):  # continuation lines
                i += 1
                text = text[:-1] + " " + lines[i].lstrip("> ").strip()
            if prompted or text.strip():
                if current:
                    emit(*current)
                    current = None
                if is_cmd.search(text.strip()):
                    current = (text.strip(), start, [] if prompted else None)
            i += 1
            continue
        if current and current[2] is not None:
            current[2].append(line)
    i += 1

PY
count=$(ls "$TMP"/cmd/*.sh 2>/dev/null | wc -l)
[ "$count" -gt 0 ] && pass "README shows $count escalate commands" || fail "no escalate commands found in README.md"

# Runs one command; compares its output with the README's when the README shows it.
matches() {  # EXPECTED ACTUAL: `...` in EXPECTED matches any lines
  $PY - "$1" "$2" <<'PY'
import re, sys
want = [l.rstrip() for l in open(sys.argv[1]).read().rstrip("\n").split("\n")]
got = [l.rstrip() for l in open(sys.argv[2]).read().rstrip("\n").split("\n")]
pattern = "\n".join(".*?" if l == "..." else re.escape(l) for l in want)
sys.exit(0 if re.fullmatch(pattern.replace("\n.*?\n", "(?:\n.*?)?\n"), "\n".join(got), re.S) else 1)
PY
}
for f in "$TMP"/cmd/*.sh; do
  base=${f%.sh}
  cmd=$(cat "$f")
  where="README.md:$(cat "$base.line")"
  (cd "$work" && timeout 120 bash -o pipefail "$f" </dev/null >"$base.out" 2>&1)
  rc=$?
  if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then
    pass "$where: $cmd (exit $rc)"
  else
    fail "$where: '$cmd' exits $rc"
    sed 's/^/  | /' "$base.out" | head -20 >&2
  fi
  if [ -f "$base.expected" ]; then
    if matches "$base.expected" "$base.out"; then
      pass "$where: output as shown"
    else
      fail "$where: the output differs from the README's (- README, + actual)"
      diff "$base.expected" "$base.out" | sed 's/^/  | /' | head -30 >&2
    fi
  fi
done

# The README shows each subcommand, and a newcomer can check, build and lint a draft by it.
documented=$(cat "$TMP"/cmd/*.sh 2>/dev/null)
for c in $("$ESCALATE" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}'); do
  grep -qE "^(\\\$ )?escalate $c( |$)" README.md && pass "README names 'escalate $c'" || fail "README does not show 'escalate $c'"
done
for c in check build lint-comms; do
  grep -qE "(^|\| *)escalate $c " <<<"$documented" && pass "README runs an 'escalate $c' example" \
    || fail "README has no runnable 'escalate $c' example (a \$-prompted or \`\`\`sh line)"
done

finish
