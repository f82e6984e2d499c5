#!/usr/bin/env bash
# duplicate-id across a batch, for check and build: the first record of an id (in input order)
# wins and every later one names it, file and line; ids equal for 40 characters are still
# different; a record read from stdin is a first record like any other. The same for any -j.
source "$(dirname "$0")/lib.sh"

D=$TMP/d
mkdir -p "$D/sub"
record() { sed "s/^id: ESC-2026-0142\$/id: $2/" fixtures/ESC-2026-0142.yaml >"$1"; }
long=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX  # 40 characters
record "$D/a.yaml" ESC-DUP
record "$D/b.yaml" ESC-DUP
record "$D/c.yaml" ESC-DUP
record "$D/long1.yaml" "$long-1"
record "$D/long2.yaml" "$long-2"
record "$D/long3.yaml" "$long-1"
record "$D/sub/a.yaml" ESC-DUP
record "$D/z.yaml" ESC-STDIN
printf '\n\n' | cat - "$D/a.yaml" >"$D/a2.yaml"  # the same id two lines further down
record "$TMP/stdin.yaml" ESC-STDIN
# A first record with a byte order mark and CRLF line ends: its id is read again, as it was
# read the first time, when a later record uses the id.
record "$TMP/bom.yaml" ESC-BOM
{ printf '\xEF\xBB\xBF'; sed 's/$/\r/' "$TMP/bom.yaml"; } >"$D/0bom.yaml"
record "$D/1bom.yaml" ESC-BOM
grep -q "^id: ESC-DUP\$" "$D/a.yaml" && pass "records made" || fail "the fixture's id line moved"

for j in 1 3; do
  "$ESCALATE" check --now $NOW --format json -j $j - "$D" <"$TMP/stdin.yaml" >"$TMP/check$j.json" 2>"$TMP/err"
  $PY - "$TMP/check$j.json" "$D" <<'PY' && pass "check -j $j: each later record names the first" || fail "check -j $j: duplicate-id findings"
import json, sys
rep, d = json.load(open(sys.argv[1])), sys.argv[2]
got = [(f["path"], x["line"], x["message"]) for f in rep["files"] for x in f["diagnostics"] if x["rule"] == "duplicate-id"]
long = "X" * 40
want = [
    (f"{d}/1bom.yaml", 4, f"id 'ESC-BOM' is already used by {d}/0bom.yaml:4; every record needs its own id"),
    (f"{d}/a2.yaml", 6, f"id 'ESC-DUP' is already used by {d}/a.yaml:4; every record needs its own id"),
    (f"{d}/b.yaml", 4, f"id 'ESC-DUP' is already used by {d}/a.yaml:4; every record needs its own id"),
    (f"{d}/c.yaml", 4, f"id 'ESC-DUP' is already used by {d}/a.yaml:4; every record needs its own id"),
    (f"{d}/long3.yaml", 4, f"id '{long}-1' is already used by {d}/long1.yaml:4; every record needs its own id"),
    (f"{d}/sub/a.yaml", 4, f"id 'ESC-DUP' is already used by {d}/a.yaml:4; every record needs its own id"),
    (f"{d}/z.yaml", 4, "id 'ESC-STDIN' is already used by <stdin>:4; every record needs its own id"),
]
assert got == want, "\n".join(map(str, got))
PY
done
cmp -s "$TMP/check1.json" "$TMP/check3.json" && pass "check: -j 1 and -j 3 identical" || fail "check: -j changes the report"

# build: the first record's pack only; the later ones are reported and not built.
"$ESCALATE" build --now $NOW -j 2 "$D" -o "$TMP/out" >"$TMP/build.txt" 2>"$TMP/err"
$PY - "$TMP/out/summary.json" "$D" <<'PY' && pass "build: only the first record of an id is built" || fail "build: summary"
import json, sys
s, d = json.load(open(sys.argv[1])), sys.argv[2]
built = {r["file"]: r["built"] for r in s["records"]}
long = "X" * 40
assert built == {f"{d}/0bom.yaml": True, f"{d}/1bom.yaml": False, f"{d}/a.yaml": True, f"{d}/a2.yaml": False, f"{d}/b.yaml": False, f"{d}/c.yaml": False,
                 f"{d}/long1.yaml": True, f"{d}/long2.yaml": True, f"{d}/long3.yaml": False,
                 f"{d}/sub/a.yaml": False, f"{d}/z.yaml": True}, built
assert s["findings_per_rule"]["duplicate-id"] == 6, s["findings_per_rule"]
PY
[ "$(ls "$TMP/out" | sort | tr '\n' ' ')" = "ESC-BOM ESC-DUP ESC-STDIN XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-1 XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-2 summary.json " ] \
  && pass "build: one pack per id" || fail "build: packs $(ls "$TMP/out")"
expect_contains "$TMP/build.txt" "$D/c.yaml:4:5: error: id 'ESC-DUP' is already used by $D/a.yaml:4" "build: the finding in the report"
finish
