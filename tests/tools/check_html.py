#!/usr/bin/python3
"""Test helper: parse an HTML page with html5lib (a real HTML5 parser) and check it.

    /usr/bin/python3 tests/tools/check_html.py PAGE [--text TEXT]... [--self-contained]

Fails (exit 1) on any parse error html5lib reports, on a TEXT missing from the page's text
(whitespace collapsed), and with --self-contained on anything that would load another file or
reach the network: <script>, <link>, <img>, <iframe>, <object>, <embed>, a src/href/xlink:href
that is not a #fragment, CSS url(...) or @import.
"""

import re
import sys

import html5lib


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    texts, self_contained = [], False
    i = 2
    while i < len(argv):
        if argv[i] == "--text":
            texts.append(argv[i + 1])
            i += 2
        elif argv[i] == "--self-contained":
            self_contained = True
            i += 1
        else:
            print(f"unknown argument {argv[i]}", file=sys.stderr)
            return 2
    with open(path, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    doc = parser.parse(data)
    bad = 0
    for pos, code, info in parser.errors:
        print(f"{path}:{pos[0]}:{pos[1]}: HTML5 parse error: {code} {info}", file=sys.stderr)
        bad += 1
    body = doc.find("body")
    text = " ".join(" ".join(body.itertext()).split()) if body is not None else ""
    for t in texts:
        if " ".join(t.split()) not in text:
            print(f"{path}: the page's text lacks {t!r}", file=sys.stderr)
            bad += 1
    if self_contained:
        for el in doc.iter():
            tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
            if tag in ("script", "link", "img", "iframe", "object", "embed"):
                print(f"{path}: <{tag}> in a self-contained page", file=sys.stderr)
                bad += 1
            for k, v in el.attrib.items():
                if k.split("}")[-1] in ("src", "href") and not v.startswith("#"):
                    print(f"{path}: <{tag} {k}={v!r}> points outside the page", file=sys.stderr)
                    bad += 1
        css = data.decode("utf-8")
        if re.search(r"url\s*\(|@import", css):
            print(f"{path}: CSS url() or @import", file=sys.stderr)
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
