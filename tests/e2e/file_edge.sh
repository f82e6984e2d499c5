#!/usr/bin/env bash
# The file-system edge (issue 13): escalate never destroys what it did not make, never leaks a
# file outside the scanned folder, never hangs on a FIFO; reports go through devices; CR, LF and
# CRLF files read alike; unreadable folders are exit 2. Parts that need root (device nodes,
# tmpfs, another user) run when root and are skipped with a reason otherwise.
source "$(dirname "$0")/lib.sh"

F=fixtures/ESC-2026-0142.yaml
root=0; [ "$(id -u)" = 0 ] && root=1
skip() { echo "skip: $*"; }
no_crash() {  # FILE DESCRIPTION
  if grep -qiE 'terminate|what\(\)|Segmentation|AddressSanitizer|runtime error|internal error' "$1"; then
    fail "$2: crash output"; sed 's/^/  | /' "$1" | head >&2
  else pass "$2: no crash"; fi
}

# --- 1. Only packs escalate provably made are replaced --------------------------------------
ws=$TMP/ws; mkdir -p "$ws/incidents"
sed 's/^id: ESC-2026-0142/id: incidents/' $F > "$ws/incidents/a.yaml"; cp $F "$ws/incidents/b.yaml"
echo keep > "$ws/incidents/notes.md"
( cd "$ws" && "$ESCALATE" build --now $NOW incidents -o . >"$TMP/out" 2>"$TMP/err" ); code=$?
[ $code -eq 2 ] && pass "a record whose id names the records folder: exit 2" || fail "records folder id: exit $code"
expect_contains "$TMP/err" "refusing to replace './incidents': it was not written by escalate" "refusal names the folder"
[ -f "$ws/incidents/a.yaml" ] && [ -f "$ws/incidents/b.yaml" ] && [ "$(cat "$ws/incidents/notes.md")" = keep ] &&
  pass "the records folder is untouched" || fail "records folder damaged: $(ls "$ws/incidents")"
[ -s "$ws/ESC-2026-0142/emails/01-initial.eml" ] && pass "the other record's pack is written" || fail "b.yaml not built"
[ -f "$ws/ESC-2026-0142/.escalate-pack" ] && pass "the pack carries its marker" || fail "no marker"

# A user's file inside a pack stops its replacement (and is kept).
echo mine > "$ws/ESC-2026-0142/notes.txt"
expect_exit 2 "a pack holding a user's file is not replaced" -- "$ESCALATE" build --now $NOW "$ws/incidents/b.yaml" -o "$ws"
expect_contains "$TMP/err" "it holds 'notes.txt', which escalate did not write" "says which file"
[ "$(cat "$ws/ESC-2026-0142/notes.txt")" = mine ] && pass "the user's notes.txt is kept" || fail "notes.txt deleted"
rm "$ws/ESC-2026-0142/notes.txt"
expect_exit 0 "without it, the pack is replaced" -- "$ESCALATE" build --now $NOW "$ws/incidents/b.yaml" -o "$ws"

# User files named like escalate's leftovers are not deleted.
mkdir -p "$TMP/left"; echo keep > "$TMP/left/.escalate-old-x"; mkdir "$TMP/left/.escalate-staging-y"; echo keep > "$TMP/left/.escalate-staging-y/f"
expect_exit 0 "build beside look-alike leftovers" -- "$ESCALATE" build --now $NOW $F -o "$TMP/left"
[ -f "$TMP/left/.escalate-old-x" ] && [ -f "$TMP/left/.escalate-staging-y/f" ] && pass "look-alike leftovers kept" || fail "user's .escalate-* files removed"

# An id that is one of escalate's own file names is refused up front.
sed 's/^id: ESC-2026-0142/id: summary.json/' $F > "$TMP/summary-id.yaml"
expect_exit 2 "id summary.json" -- "$ESCALATE" build --now $NOW "$TMP/summary-id.yaml" -o "$TMP/sj"
expect_contains "$TMP/err" "cannot write a pack for the id 'summary.json': escalate writes its own 'summary.json'" "summary.json id refused"
$PY -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/sj/summary.json" && [ ! -d "$TMP/sj/summary.json" ] &&
  pass "summary.json is still the summary" || fail "summary.json clobbered"

# --- 2. Report paths: devices and FIFOs written through, never replaced; - is stdout ----------
# As root, a broken escalate would replace the system's /dev/null: use our own device nodes.
# Without root, /dev itself cannot be written, so the real ones are safe to use.
null=/dev/null full=/dev/full
if [ $root = 1 ]; then
  null=$TMP/null full=$TMP/full
  mknod -m 666 $null c 1 3 && mknod -m 666 $full c 1 7 && printf x > $null 2>/dev/null || null=
fi
if [ -n "$null" ]; then
  expect_exit 0 "-o a null device" -- "$ESCALATE" check --now $NOW --format sarif -o $null $F
  [ -c $null ] && pass "the null device is still a device" || fail "$null replaced"
  expect_exit 2 "-o a full device" -- "$ESCALATE" check --now $NOW -o $full $F
  expect_contains "$TMP/err" "cannot write '$full': No space left on device" "full device: disk full said"
  expect_exit 2 "--write-baseline a full device" -- "$ESCALATE" check --now $NOW --write-baseline $full $F
  expect_exit 2 "--junit a full device" -- "$ESCALATE" build --now $NOW $F -o "$TMP/jf" --junit $full
  [ -c $full ] && pass "the full device is still a device" || fail "$full replaced"
else skip "device nodes cannot be used in $TMP (nodev); not risking the system's /dev/null as root"; fi
mkfifo "$TMP/report.fifo"
timeout 10 "$ESCALATE" check --now $NOW -o "$TMP/report.fifo" $F >"$TMP/out" 2>"$TMP/err"; code=$?
[ $code -eq 2 ] && pass "a FIFO nobody reads: exit 2, no hang" || fail "FIFO report: exit $code"
expect_contains "$TMP/err" "it is a FIFO and no process is reading it" "FIFO without reader explained"
cat "$TMP/report.fifo" > "$TMP/from-fifo" & reader=$!
# The reader counts once cat is in open(); on a loaded machine that can take a while, and until
# then escalate rightly says nobody reads: try again (at most 10 s) rather than guess a delay.
for try in $(seq 1 100); do
  timeout 10 "$ESCALATE" check --now $NOW --format json -o "$TMP/report.fifo" $F >"$TMP/out" 2>"$TMP/err"; code=$?
  [ $code -eq 2 ] && grep -q "no process is reading it" "$TMP/err" || break
  sleep 0.1
done
[ $code -eq 0 ] && pass "a FIFO with a reader is written through" || { fail "FIFO with a reader: exit $code"; cat "$TMP/err" >&2; }
wait $reader
$PY -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/from-fifo" && pass "the reader got the report" || fail "FIFO reader got no report"
for o in - /dev/stdout; do
  ( cd "$TMP" && "$ESCALATE" check --now $NOW --format json -o $o "$SRC/$F" >"$TMP/out" 2>"$TMP/err" )
  $PY -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/out" && [ ! -e "$TMP/-" ] && pass "-o $o is standard output" || fail "-o $o"
done

# --- 3. Symlinks leaving the scanned folder; non-record files never echoed --------------------
mkdir -p "$TMP/leak/incidents" "$TMP/leak/secret"
printf 'password: hunter2-SECRET\napi_token: tok-SECRET\n' > "$TMP/leak/secret/creds.yaml"
cp $F "$TMP/leak/incidents/good.yaml"
ln -s "$TMP/leak/secret/creds.yaml" "$TMP/leak/incidents/creds.yaml"
ln -s /proc/self/environ "$TMP/leak/incidents/env.yaml"
ln -s good.yaml "$TMP/leak/incidents/inside.yaml"
SECRET_TOKEN=tok-ENV-SECRET expect_exit 1 "a folder with symlinks out of it" -- "$ESCALATE" check --now $NOW "$TMP/leak/incidents"
if grep -q SECRET "$TMP/out" "$TMP/err"; then fail "a secret was printed"; else pass "no secret printed"; fi
expect_contains "$TMP/err" "warning: not following 2 symlinks in $TMP/leak/incidents that lead outside it" "said once"
[ "$(grep -c 'not following' "$TMP/err")" = 1 ] && pass "one warning for both" || fail "warned more than once"
expect_contains "$TMP/out" "[duplicate-id]" "a symlink inside the folder is still read"
# Named directly, a non-record file gets findings but its lines are never echoed.
expect_exit 1 "a secrets file given directly" -- "$ESCALATE" check --now $NOW "$TMP/leak/secret/creds.yaml"
if grep -q SECRET "$TMP/out"; then fail "source line of a non-record file echoed"; else pass "non-record file: no line echoed"; fi
expect_contains "$TMP/out" "not an escalation record: none of its keys ('password', 'api_token')" "still reported"

# --- 4. FIFOs and other non-regular inputs are refused, never waited on ----------------------
mkfifo "$TMP/x.yaml" "$TMP/cfg.yaml"
for cmd in check build; do
  extra=(); [ $cmd = build ] && extra=(-o "$TMP/fifo-out")
  timeout 10 "$ESCALATE" $cmd --now $NOW "$TMP/x.yaml" "${extra[@]}" >"$TMP/out" 2>"$TMP/err"; code=$?
  [ $code -eq 2 ] && pass "$cmd: a FIFO record is exit 2, no hang" || fail "$cmd FIFO: exit $code"
  expect_contains "$TMP/err" "it is a FIFO (named pipe), not a regular file" "$cmd: FIFO explained"
done
expect_exit 0 "/dev/stdin on a pipe is standard input" -- timeout 10 "$ESCALATE" check --now $NOW /dev/stdin < <(cat $F)
expect_contains "$TMP/out" "no problems in 1 record" "/dev/stdin read"
timeout 10 "$ESCALATE" check --now $NOW --config "$TMP/cfg.yaml" $F >"$TMP/out" 2>"$TMP/err"; code=$?
[ $code -eq 2 ] && grep -qF "FIFO" "$TMP/err" && pass "--config FIFO: exit 2, no hang" || fail "--config FIFO: exit $code"
mkdir -p "$TMP/fifo-tpl"; for t in initial progress resolution; do mkfifo "$TMP/fifo-tpl/$t.mustache"; done
timeout 10 "$ESCALATE" build --now $NOW $F -o "$TMP/fifo-out" --templates "$TMP/fifo-tpl" >"$TMP/out" 2>"$TMP/err"; code=$?
[ $code -eq 2 ] && grep -qF "FIFO" "$TMP/err" && pass "template FIFO: exit 2, no hang" || fail "template FIFO: exit $code"

# --- 5/6. Hostile templates: deep nesting, over the size limit, unknown partials ---------------
mkdir -p "$TMP/tpl"
for t in initial progress resolution; do cp templates/$t.mustache "$TMP/tpl/"; done
$PY -c "import sys; sys.stdout.write('Subject: x\n\n' + '{{#title}}' * 12000 + '{{/title}}' * 12000)" > "$TMP/tpl/progress.mustache"
expect_exit 2 "12,000 nested sections" -- "$ESCALATE" build --now $NOW $F -o "$TMP/tplout" --templates "$TMP/tpl"
expect_contains "$TMP/err" "progress.mustache:3: sections are nested more than 32 deep" "nesting limit explained"
no_crash "$TMP/err" "nested template"
$PY -c "import sys; sys.stdout.write('Subject: x\n\n' + 'word ' * 60000)" > "$TMP/tpl/progress.mustache"
expect_exit 2 "a 300 KB template" -- "$ESCALATE" build --now $NOW $F -o "$TMP/tplout" --templates "$TMP/tpl"
expect_contains "$TMP/err" "progress.mustache: the template is over the 262144-byte (256 KiB) limit" "size limit explained"
printf 'Subject: x\n\n{{> footer}}\n' > "$TMP/tpl/progress.mustache"
expect_exit 2 "an unknown partial" -- "$ESCALATE" build --now $NOW $F -o "$TMP/tplout" --templates "$TMP/tpl"
expect_contains "$TMP/err" "unknown partial '{{> footer}}'" "unknown partial explained"

# --- 7/8. Configuration paths: relative to the config file; each record its own templates -----
mkdir -p "$TMP/repo/.git" "$TMP/repo/teamA/tpl" "$TMP/repo/teamB/tpl" "$TMP/repo/teamA/sub"
for team in A B; do
  for t in initial progress resolution; do
    sed "1s/.*/Subject: Team $team {{account}} - {{title}}/" templates/$t.mustache > "$TMP/repo/team$team/tpl/$t.mustache"
  done
  printf 'templates: tpl\n' > "$TMP/repo/team$team/.escalate.yaml"
done
sed 's/^id: ESC-2026-0142/id: ESC-A/' $F > "$TMP/repo/teamA/sub/a.yaml"
sed 's/^id: ESC-2026-0142/id: ESC-B/' $F > "$TMP/repo/teamB/b.yaml"
( cd "$TMP/repo/teamA/sub" && "$ESCALATE" build --now $NOW a.yaml -o "$TMP/cfgout" >"$TMP/out" 2>"$TMP/err" ); code=$?
[ $code -eq 0 ] && grep -q '^Subject: Team A' "$TMP/cfgout/ESC-A/emails/01-initial.eml" &&
  pass "templates: is relative to the config's folder, from a subfolder" || { fail "relative templates: exit $code"; cat "$TMP/err" >&2; }
expect_exit 0 "a batch over two teams" -- "$ESCALATE" build --now $NOW "$TMP/repo/teamA" "$TMP/repo/teamB" -o "$TMP/cfgout2"
grep -q '^Subject: Team A' "$TMP/cfgout2/ESC-A/emails/01-initial.eml" && grep -q '^Subject: Team B' "$TMP/cfgout2/ESC-B/emails/01-initial.eml" &&
  pass "each record gets its own team's templates" || fail "templates mixed: $(grep -h ^Subject: "$TMP"/cfgout2/*/emails/01-initial.eml)"
mkdir -p "$TMP/repo/teamC/fonts"; cp "$(fc-match -f '%{file}' 'DejaVu Sans' 2>/dev/null || echo /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)" "$TMP/repo/teamC/fonts/f.ttf"
printf 'font: fonts/f.ttf\n' > "$TMP/repo/teamC/.escalate.yaml"; cp $F "$TMP/repo/teamC/c.yaml"
( cd "$TMP" && "$ESCALATE" build --now $NOW repo/teamC -o "$TMP/fontout" >"$TMP/out" 2>"$TMP/err" ); code=$?
[ $code -eq 0 ] && pass "font: is relative to the config's folder" || { fail "relative font: exit $code"; cat "$TMP/err" >&2; }

# --- 9. A huge revenue at risk is printed right ------------------------------------------------
sed 's/^    revenue_at_risk: .*/    revenue_at_risk: 1e20/' $F > "$TMP/rich.yaml"
grep -q 'revenue_at_risk: 1e20' "$TMP/rich.yaml" || fail "fixture edit failed"
"$ESCALATE" build --force --now $NOW "$TMP/rich.yaml" -o "$TMP/richout" >/dev/null 2>&1
pdftotext "$TMP/richout/ESC-2026-0142/exec-readout.pdf" - | tr -s ' \n' ' ' > "$TMP/rich.txt"
expect_contains "$TMP/rich.txt" "£100,000,000,000,000,000,000 revenue at risk" "1e20 printed in full"

# --- 10. No control character in a header, with --force --------------------------------------
$PY - $F "$TMP/ctl.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("  name: Dana Whitfield", '  name: "Dana\\r\\nBcc: evil@example.net"', 1)
t = t.replace("\ntitle: ", '\ntitle: "\\e[31m\\aAlert" # ', 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
expect_exit 1 "control characters in a name and the title (--force)" -- "$ESCALATE" build --force --now $NOW "$TMP/ctl.yaml" -o "$TMP/ctlout"
$PY - "$TMP/ctlout/ESC-2026-0142/emails" <<'PY' && pass "headers parse without defects and hold no control character" || fail "control character in a header"
import email, email.policy, os, re, sys
d = sys.argv[1]
names = sorted(os.listdir(d))
assert names, "no emails"
for f in names:
    msg = email.message_from_bytes(open(os.path.join(d, f), "rb").read(), policy=email.policy.default)
    assert not msg.defects, (f, msg.defects)
    assert "Bcc" not in msg, f
    for k, v in msg.items():
        assert not re.search(r"[\x00-\x1f\x7f\x80-\x9f]", str(v)), (f, k, str(v))
PY

# --- 11. CR, LF and CRLF line ends alike ---------------------------------------------------------
for rec in $F fixtures/rules/triage-genuine.yaml; do
  tr '\n' '\r' < $rec > "$TMP/cr.yaml"; sed 's/$/\r/' $rec > "$TMP/crlf.yaml"
  "$ESCALATE" check --now $NOW $rec > "$TMP/lf.out" 2>&1; a=$?
  for eol in cr crlf; do
    "$ESCALATE" check --now $NOW "$TMP/$eol.yaml" > "$TMP/$eol.out" 2>&1; b=$?
    [ $a = $b ] && [ "$(sed "s#$TMP/$eol.yaml#F#" "$TMP/$eol.out")" = "$(sed "s#$rec#F#" "$TMP/lf.out")" ] &&
      pass "$(basename $rec) with $eol line ends checks like LF" || { fail "$eol $rec differs (exit $b vs $a)"; diff "$TMP/lf.out" "$TMP/$eol.out" | head -5 >&2; }
  done
done
printf 'Subject: Northwind Logistics — Escalation Opened: [TITLE]\n\nHi [NAME],\n\nCurrent status: Ongoing\n' > "$TMP/lf.eml"
tr '\n' '\r' < "$TMP/lf.eml" > "$TMP/cr.eml"
"$ESCALATE" lint-comms --now $NOW "$TMP/lf.eml" > "$TMP/lf.out" 2>&1; a=$?
"$ESCALATE" lint-comms --now $NOW "$TMP/cr.eml" > "$TMP/cr.out" 2>&1; b=$?
[ $a = 1 ] && [ $b = 1 ] && [ "$(sed 's/cr\.eml/X/' "$TMP/cr.out")" = "$(sed 's/lf\.eml/X/' "$TMP/lf.out")" ] &&
  pass "a CR-only draft lints like the LF one" || { fail "CR-only draft: exit $b vs $a"; diff "$TMP/lf.out" "$TMP/cr.out" | head >&2; }

# --- 12. Unreadable folders and files are exit 2 ---------------------------------------------------
mkdir -p "$TMP/perm/incidents/locked" "$TMP/perm/files"
cp $F "$TMP/perm/incidents/a.yaml"; cp $F "$TMP/perm/incidents/locked/b.yaml"; cp $F "$TMP/perm/files/c.yaml"
chmod 000 "$TMP/perm/incidents/locked" "$TMP/perm/files/c.yaml"
as_other=()
if [ $root = 1 ]; then
  chmod 755 "$TMP" "$TMP/perm" "$TMP/perm/incidents" "$TMP/perm/files"; chmod 644 "$TMP/perm/incidents/a.yaml"
  as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  "${as_other[@]}" true 2>/dev/null || { as_other=(); skip "cannot switch to another user"; }
fi
if [ $root = 0 ] || [ ${#as_other[@]} -gt 0 ]; then
  expect_exit 2 "an unreadable subfolder" -- "${as_other[@]}" "$ESCALATE" check --now $NOW "$TMP/perm/incidents"
  expect_contains "$TMP/err" "cannot read subfolder '$TMP/perm/incidents/locked': Permission denied" "unreadable subfolder named"
  expect_contains "$TMP/out" "no problems in 1 record" "the readable record is still checked"
  expect_exit 2 "an unreadable file" -- "${as_other[@]}" "$ESCALATE" check --now $NOW "$TMP/perm/files/c.yaml"
  expect_contains "$TMP/err" "cannot read '$TMP/perm/files/c.yaml': Permission denied" "unreadable file named"
  if grep -q yaml-syntax "$TMP/out"; then fail "unreadable file reported as yaml-syntax"; else pass "not a yaml-syntax finding"; fi
fi
chmod 755 "$TMP/perm/incidents/locked"

# --- Messages that mislead ------------------------------------------------------------------------
ln -s "$TMP/does-not-exist" "$TMP/dangling-out"
expect_exit 2 "build -o a dangling symlink" -- "$ESCALATE" build --now $NOW $F -o "$TMP/dangling-out"
expect_contains "$TMP/err" "is a symlink to '$TMP/does-not-exist', which does not exist" "dangling -o explained"
ln -s loop-b "$TMP/loop-a"; ln -s loop-a "$TMP/loop-b"
expect_exit 2 "a symlink loop given directly" -- "$ESCALATE" check --now $NOW "$TMP/loop-a"
expect_contains "$TMP/err" "cannot read '$TMP/loop-a': it is a symlink loop" "symlink loop named"
$PY -c "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf-8').read().encode('utf-16'))" $F "$TMP/u16.yaml"
expect_exit 1 "a UTF-16 record" -- "$ESCALATE" check --now $NOW "$TMP/u16.yaml"
expect_contains "$TMP/out" "the file is UTF-16 text; escalate reads UTF-8" "UTF-16 named, with how to convert"
expect_exit 2 "--now ''" -- "$ESCALATE" check --now '' $F
expect_contains "$TMP/err" "--now needs a time" "--now '' explained"

sed 's/^    contact: priya.raman@northwind.example/    contact: "priya.raman@northwind.example, ops@northwind.example"/' $F > "$TMP/two.yaml"
expect_exit 1 "a contact with two addresses fails check, as it fails build" -- "$ESCALATE" check --now $NOW "$TMP/two.yaml"
expect_contains "$TMP/out" "holds more than one e-mail address" "two addresses explained"

# A font whose character map maps nothing: a clear error, not a PDF without text.
$PY - "$TMP/repo/teamC/fonts/f.ttf" "$TMP/nocmap.ttf" <<'PY'
import struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
tables = struct.unpack(">H", d[4:6])[0]
for i in range(tables):
    tag, _, off, _ = struct.unpack(">4sIII", d[12 + 16 * i: 28 + 16 * i])
    if tag == b"cmap":
        cmap = off
n = struct.unpack(">H", d[cmap + 2: cmap + 4])[0]
for i in range(n):
    sub = cmap + struct.unpack(">I", d[cmap + 8 + 8 * i: cmap + 12 + 8 * i])[0]
    if struct.unpack(">H", d[sub: sub + 2])[0] == 4:  # one segment, 0xFFFF..0xFFFF: maps nothing
        d[sub + 6: sub + 8] = struct.pack(">H", 2)
        d[sub + 14: sub + 24] = struct.pack(">HHHHH", 0xFFFF, 0, 0xFFFF, 1, 0)
open(sys.argv[2], "wb").write(d)
PY
expect_exit 2 "a font whose character map is useless" -- "$ESCALATE" build --now $NOW $F -o "$TMP/nocmap-out" --font "$TMP/nocmap.ttf"
expect_contains "$TMP/err" "its character map has no glyph for the letters A-Z" "useless character map explained"

# --- Concurrent builds into one folder: both exit 0, every pack complete --------------------------
mkdir -p "$TMP/conc"
for i in $(seq -w 1 40); do sed "s/^id: ESC-2026-0142/id: ESC-C-$i/" $F > "$TMP/conc/r$i.yaml"; done
# Four at once make the old race ("cannot replace ...: No such file or directory") show within
# a few rounds.
for round in $(seq 1 10); do
  pids=()
  for k in 1 2 3 4; do
    "$ESCALATE" build --quiet --now $NOW -j 2 "$TMP/conc" -o "$TMP/concout" >"$TMP/c$k.out" 2>"$TMP/c$k.err" & pids+=($!)
  done
  codes=""; for p in "${pids[@]}"; do wait $p; codes="$codes $?"; done
  [ "$codes" = " 0 0 0 0" ] && pass "round $round: four concurrent builds all exit 0" || { fail "round $round: exits$codes"; cat "$TMP"/c?.err | head >&2; }
done
[ "$(ls "$TMP/concout" | grep -c '^ESC-C-')" = 40 ] && pass "all 40 packs present" || fail "$(ls "$TMP/concout" | grep -c '^ESC-C-') packs"
[ -z "$(ls -A "$TMP/concout" | grep '^\.escalate-')" ] && pass "no leftovers after concurrent builds" || fail "leftovers: $(ls -A "$TMP/concout" | grep '^\.escalate-')"
bad=0
for d in "$TMP"/concout/ESC-C-*; do
  for f in emails/01-initial.eml emails/02-progress-1.eml emails/03-resolution.eml exec-readout.pdf lint-report.txt lint-report.json .escalate-pack; do
    [ -s "$d/$f" ] || { bad=1; echo "  missing $d/$f" >&2; }
  done
done
[ $bad = 0 ] && pass "every pack complete" || fail "incomplete packs"

# --- A full disk: exit 2, no partial file, and a rerun with space completes -----------------------
if [ $root = 1 ] && mkdir -p "$TMP/small" && mount -t tmpfs -o size=400k tmpfs "$TMP/small" 2>/dev/null; then
  expect_exit 2 "a full disk" -- "$ESCALATE" build --quiet --now $NOW "$TMP/conc" -o "$TMP/small/out"
  expect_contains "$TMP/err" "No space left on device" "disk full said"
  $PY - "$TMP/small/out" <<'PY' && pass "disk full: no partial file visible" || fail "disk full: partial file"
import json, os, sys
root = sys.argv[1]
for name in os.listdir(root):
    p = os.path.join(root, name)
    if name.startswith(".escalate-"):
        sys.exit(f"leftover {p}")
    if name == "summary.json":
        json.load(open(p))
        continue
    need = {".escalate-pack", "lint-report.txt", "lint-report.json", "exec-readout.pdf", "emails"}
    assert need <= set(os.listdir(p)), (p, os.listdir(p))
PY
  umount "$TMP/small"
else skip "tmpfs needs root (and the mount capability)"; fi

finish
