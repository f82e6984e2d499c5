#!/usr/bin/env bash
# lint-comms on drafts as mail clients store them (tests/data/drafts, written by make_corpus.py):
# Outlook HTML+text, Gmail multipart/alternative, Thunderbird format=flowed, ISO-2022-JP,
# windows-1250, HTML only, base64 and quoted-printable bodies, inline images and attachments.
# Every draft is read without a draft-syntax finding; each planted defect is found exactly once,
# at the line:col of the file as stored (JSON, SARIF and GitHub annotations alike): the test reads
# the raw file at the reported line and finds the defect there, or for base64 and HTML parts the
# part's header line and the decoded excerpt in a note.
source "$(dirname "$0")/lib.sh"

DIR=tests/data/drafts
DNOW=2026-11-02T08:45:00Z
"$ESCALATE" lint-comms --now $DNOW --format json $DIR/*.eml > "$TMP/r.json"
"$ESCALATE" lint-comms --now $DNOW --format sarif $DIR/*.eml > "$TMP/r.sarif"
"$ESCALATE" lint-comms --now $DNOW --format github $DIR/*.eml > "$TMP/r.gh"
"$ESCALATE" lint-comms --now $DNOW $DIR/*.eml > "$TMP/r.txt"

$PY - "$DIR" "$TMP" <<'PY' && pass "corpus: every planted defect once, at its raw line:col" || fail "corpus"
import json, os, re, sys
d, tmp = sys.argv[1], sys.argv[2]
expected = json.load(open(os.path.join(d, "expected.json")))
report = json.load(open(os.path.join(tmp, "r.json")))
sarif = json.load(open(os.path.join(tmp, "r.sarif")))
gh = open(os.path.join(tmp, "r.gh")).read()
errors = []

def raw_lines(path):
    return open(path, "rb").read().split(b"\n")

def shown(raw):  # a raw line as the report counts columns: bad UTF-8 / controls are one char each
    text = raw.rstrip(b"\r").decode("utf-8", errors="replace")
    return "".join("\ufffd" if (ord(c) < 0x20 and c != "\t") or ord(c) == 0x7f else c for c in text)

def where(e):
    path = os.path.join(d, e["file"])
    lines = raw_lines(path)
    if "raw" in e:
        # The first place it is stored (a defect both alternatives share is reported at the text part).
        hits = [(i + 1, shown(l[:l.index(e["raw"].encode())])) for i, l in enumerate(lines) if e["raw"].encode() in l]
        assert hits, e
        return hits[0][0], len(hits[0][1]) + 1
    hits = [i + 1 for i, l in enumerate(lines) if l.rstrip(b"\r").decode("latin-1") == e["part"]]
    assert len(hits) == 1, (e, hits)
    return hits[0], 1

by_file = {os.path.basename(f["path"]): f["diagnostics"] for f in report["files"]}
for name, diags in sorted(by_file.items()):
    for x in diags:
        if x["rule"] == "draft-syntax":
            errors.append(f"{name}: draft-syntax: {x['message']}")
    want = sorted((e["rule"],) + where(e) for e in expected if e["file"] == name)
    got = sorted((x["rule"], x["line"], x["column"]) for x in diags)
    if got != want:
        errors.append(f"{name}: got {got} want {want}: " + "; ".join(x["message"] for x in diags))
    for e in expected:
        if e["file"] != name:
            continue
        line, col = where(e)
        lines = raw_lines(os.path.join(d, name))
        # The raw file at the reported line holds the defect (or the part's header).
        text = lines[line - 1].decode("latin-1")
        if "raw" in e and e["raw"].encode() not in lines[line - 1]:
            errors.append(f"{name}:{line}: raw line does not hold {e['raw']!r}")
        if "excerpt" in e:
            notes = [n["message"] for x in diags if (x["line"], x["column"]) == (line, col) for n in x.get("notes", [])]
            if not any(e["excerpt"] in n for n in notes):
                errors.append(f"{name}:{line}: no note quotes {e['excerpt']!r}: {notes}")
assert set(by_file) == {e["file"] for e in expected}, set(by_file)

# SARIF regions and GitHub annotations point at the same raw lines.
results = sarif["runs"][0]["results"]
sarif_marks = sorted((os.path.basename(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
                      r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results)
want_marks = sorted((e["file"], where(e)[0]) for e in expected)
if sarif_marks != want_marks:
    errors.append(f"sarif {sarif_marks} != {want_marks}")
gh_marks = sorted((os.path.basename(m[0]), int(m[1])) for m in re.findall(r"file=([^,]+),line=(\d+)", gh))
if gh_marks != want_marks:
    errors.append(f"github {gh_marks} != {want_marks}")
if errors:
    print("\n".join(errors))
    sys.exit(1)
PY

# The text report shows the raw header line under a finding in a base64 part, not a blank.
expect_contains "$TMP/r.txt" "Content-Type: text/plain; charset=utf-8" "text report shows the part's header line"

finish
