#!/usr/bin/env python3
"""Writes the real-shaped draft corpus of lint-comms (tests/data/drafts/*.eml) and expected.json.

Each message is built the way its mail client stores it (charset, transfer encoding, MIME
structure); each has planted defects, listed in expected.json with where they are in the file:
`raw` is text to find in the stored file (plain and quoted-printable parts: the finding is at the
line:col of its first occurrence), `part` is the header line of a base64 or HTML part (the finding is at that line, with
the decoded `excerpt` in a note). Run it again after editing; the output is deterministic.
"""
import base64
import json
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))
SUBJECT = "Northwind Logistics — Escalation Opened: Card payments declined at EU checkout"


def body(greeting="Priya Raman,", status="Contained", impact="All card payments through the EU checkout were "
         "declined between 08:00 and 08:35 UTC. Traffic now runs through the secondary gateway.",
         next_update="09:45 UTC on 2 November 2026", intro=None):
    intro = intro or ("We are writing to confirm that we have opened a formal escalation in relation to card "
                      "payments submitted through the EU checkout being declined.")
    return (f"{greeting}\n\n{intro}\n\nCurrent status: {status}\nImpact: {impact}\nNext update by: {next_update}\n\n"
            "Escalation Lead: Dana Whitfield, Head of Customer Operations, dana.whitfield@example.com\n\n"
            "We will provide a further update by 09:45 UTC regardless of progress.\n")


def html_of(text, outlook=False):
    paras = []
    for line in text.split("\n"):
        esc = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if outlook:
            paras.append(f'<p class=MsoNormal>{esc or "&nbsp;"}<o:p></o:p></p>')
        else:
            paras.append(f"<div>{esc or '<br>'}</div>")
    head = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8"><style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri"} '
            '--></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml>'
            '<![endif]--></head><body lang=EN-GB><div class=WordSection1>' if outlook else
            '<div dir="ltr">')
    tail = "</div></body></html>" if outlook else "</div>"
    return head + "\n".join(paras) + tail + "\n"


def qp(text, charset="utf-8"):
    return quopri.encodestring(text.encode(charset)).decode("ascii").replace("\n", "\r\n")


def b64(data):
    enc = base64.b64encode(data).decode("ascii")
    return "\r\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + "\r\n"


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


HEAD = ("From: Dana Whitfield <dana.whitfield@example.com>\nTo: Priya Raman <priya.raman@northwind.example>\n"
        "Date: Mon, 2 Nov 2026 08:40:00 +0000\nMessage-ID: <{id}@example.com>\nMIME-Version: 1.0\n")

files = {}
expected = []

# 1. Outlook: multipart/alternative, text/plain windows-1252 quoted-printable, text/html
#    quoted-printable with MsoNormal paragraphs. "[Customer Name]" in both parts is one finding
#    (at the text part); "TBD" only in the HTML part is found there.
plain = body(greeting="[Customer Name],")
html = html_of(body(greeting="[Customer Name],", impact="TBD"), outlook=True)
files["outlook-html-text.eml"] = crlf(
    HEAD.format(id="outlook.1") +
    "Subject: Northwind Logistics =?windows-1252?Q?=97_Escalation?= Opened: Card payments\n"
    " declined at EU checkout\nThread-Topic: Card payments declined\n"
    "Content-Language: en-GB\nX-MS-Has-Attach:\n"
    'Content-Type: multipart/alternative;\n\tboundary="_000_outlook_"\n\n'
    "--_000_outlook_\nContent-Type: text/plain; charset=\"windows-1252\"\nContent-Transfer-Encoding: quoted-printable\n\n"
    + qp(plain, "cp1252") + "\n--_000_outlook_\nContent-Type: text/html; charset=\"utf-8\"\n"
    "Content-Transfer-Encoding: quoted-printable\n\n" + qp(html) + "\n--_000_outlook_--\n")
expected += [
    {"file": "outlook-html-text.eml", "rule": "draft-placeholder", "raw": "[Customer Name]"},
    {"file": "outlook-html-text.eml", "rule": "draft-placeholder", "part": 'Content-Type: text/html; charset="utf-8"',
     "excerpt": "TBD"},
]

# 2. Gmail: multipart/alternative, both UTF-8 quoted-printable, <div dir="ltr">. The status is
#    wrong in both parts: one finding, at the text part's raw line:col.
long_intro = ("We are writing to confirm that we have opened a formal escalation in relation to card payments "
              "submitted through the EU checkout being declined — our engineers are on it.")
plain = body(status="Investigating", intro=long_intro)
files["gmail-alternative.eml"] = crlf(
    HEAD.format(id="gmail.2") + "Subject: =?UTF-8?Q?Northwind_Logistics_=E2=80=94_Escalation_Opened=3A_Card_paym?=\n"
    " =?UTF-8?Q?ents_declined_at_EU_checkout?=\n"
    'Content-Type: multipart/alternative; boundary="000000000000a1b2c3"\n\n'
    "--000000000000a1b2c3\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
    + qp(plain) + "\n--000000000000a1b2c3\nContent-Type: text/html; charset=\"UTF-8\"\n"
    "Content-Transfer-Encoding: quoted-printable\n\n" + qp(html_of(plain)) + "\n--000000000000a1b2c3--\n")
expected.append({"file": "gmail-alternative.eml", "rule": "draft-status-value", "raw": "Investigating"})

# 3. Thunderbird: text/plain; format=flowed, 8bit UTF-8; the long impact line is soft-wrapped
#    (trailing space) and the "TODO" sits on a continuation line.
impact = ("All card payments through the EU checkout were declined between 08:00 and 08:35 UTC. Traffic now "
          "runs through the secondary gateway; refunds TODO for the affected orders.")
text = body(impact=impact)
lines = []
for line in text.split("\n"):
    while len(line) > 72:
        cut = line.rfind(" ", 0, 72)
        lines.append(line[:cut + 1])
        line = line[cut + 1:]
    lines.append(line)
files["thunderbird-flowed.eml"] = crlf(
    HEAD.format(id="thunderbird.3") + "User-Agent: Mozilla Thunderbird\nContent-Language: en-GB\n"
    "Subject: =?UTF-8?Q?Northwind_Logistics_=E2=80=94_Escalation_Opened=3A_Card_paym?=\n"
    " =?UTF-8?Q?ents_declined_at_EU_checkout?=\n"
    "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n"
    + "\n".join(lines))
expected.append({"file": "thunderbird-flowed.eml", "rule": "draft-placeholder", "raw": "TODO"})

# 4. Japanese: ISO-2022-JP subject words and 7bit ISO-2022-JP body; "<NAME>" after Japanese text.
jp_intro = "いつもお世話になっております。EU チェックアウトのカード決済について正式なエスカレーションを開始しました。"
text = body(greeting="プリヤ・ラマン様", intro=jp_intro,
            impact="EU チェックアウトのカード決済が 08:00 から 08:35 UTC まで拒否されました。担当 <NAME> が確認中です。")
title_words = base64.b64encode("Card payments declined at EU checkout（EU 決済）".encode("iso2022_jp")).decode()
files["iso-2022-jp.eml"] = crlf(
    HEAD.format(id="jp.4") + "Subject: =?UTF-8?Q?Northwind_Logistics_=E2=80=94_Escalation_Opened=3A_?=\n"
    f" =?ISO-2022-JP?B?{title_words}?=\n"
    "Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n"
    + text.encode("iso2022_jp").decode("ascii"))
expected.append({"file": "iso-2022-jp.eml", "rule": "draft-placeholder", "raw": "<NAME>"})

# 5. Polish Outlook: windows-1250, 8bit; "TBD" after Polish letters.
text = body(greeting="Szanowna Pani Priyo,",
            intro="Potwierdzamy otwarcie formalnej eskalacji dotyczącej odrzuconych płatności kartą w Łodzi i Gdańsku.",
            impact="Płatności kartą w sklepie EU były odrzucane od 08:00 do 08:35 UTC; źródło: TBD.")
files["windows-1250-polish.eml"] = crlf(HEAD.format(id="pl.5") +
    "Subject: Northwind Logistics =?windows-1250?Q?=97_Escalation?= Opened: Card payments declined at EU checkout\n"
    "Content-Type: text/plain; charset=\"windows-1250\"\nContent-Transfer-Encoding: 8bit\n\n").encode("ascii") + \
    crlf(text).encode("cp1250")
expected.append({"file": "windows-1250-polish.eml", "rule": "draft-placeholder", "raw": "TBD"})

# 6. HTML only, 8bit UTF-8, entities and a script: the placeholder "&lt;Customer Name&gt;" reads
#    "<Customer Name>" (found at the part with the excerpt); the script's "TODO" is not text.
html = html_of(body(greeting="<Customer Name>,")).replace("</div>\n", "<script>var TODO = 1;</script></div>\n")
files["html-only.eml"] = crlf(HEAD.format(id="html.6") + "Subject: " + SUBJECT + "\n"
                              "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + html)
expected.append({"file": "html-only.eml", "rule": "draft-placeholder", "part": "Content-Type: text/html; charset=utf-8",
                 "excerpt": "<Customer Name>"})

# 7. base64 text/plain: the status is wrong (found at the part, decoded excerpt in a note).
files["base64-body.eml"] = crlf(HEAD.format(id="b64.7") + "Subject: =?UTF-8?B?" +
                                base64.b64encode(SUBJECT.encode()).decode() + "?=\n"
                                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" +
                                b64(crlf(body(status="Monitoring")).encode()))
expected.append({"file": "base64-body.eml", "rule": "draft-status-value", "part": "Content-Type: text/plain; charset=utf-8",
                 "excerpt": "Monitoring"})

# 8. quoted-printable UTF-8 with soft breaks and escapes before the defect "XXX".
text = body(impact="Card payments through the EU checkout — Łódź, Zürich and Málaga stores — were declined for XXX orders.")
files["quoted-printable.eml"] = crlf(HEAD.format(id="qp.8") + "Subject: =?UTF-8?Q?Northwind_Logistics_=E2=80=94_"
                                     "Escalation_Opened=3A_Card_payments_declined_at_EU_checkout?=\n"
                                     "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                                     + qp(text))
expected.append({"file": "quoted-printable.eml", "rule": "draft-placeholder", "raw": "XXX"})

# 9. Inline images and attachments: mixed[related[alternative[plain, html], image/png], pdf,
#    text attachment]. The next update has no zone in both alternatives: one finding in the text.
#    The text attachment's "TODO" is not part of the message.
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
text = body(next_update="09:45 on 2 November 2026")
html = html_of(text).replace("<div dir=\"ltr\">", "<div dir=\"ltr\"><img src=\"cid:logo@example.com\" alt=\"Example\">")
files["inline-images-attachments.eml"] = crlf(
    HEAD.format(id="mixed.9") + "Subject: " + SUBJECT.replace("—", "=?UTF-8?Q?=E2=80=94?=") + "\n"
    'Content-Type: multipart/mixed; boundary="mixed"\n\n'
    "This is a multi-part message in MIME format.\n"
    '--mixed\nContent-Type: multipart/related; boundary="related"; type="multipart/alternative"\n\n'
    '--related\nContent-Type: multipart/alternative; boundary="alt"\n\n'
    "--alt\nContent-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\n" + text +
    "\n--alt\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + qp(html) +
    "\n--alt--\n\n--related\nContent-Type: image/png; name=\"logo.png\"\nContent-Disposition: inline; filename=\"logo.png\"\n"
    "Content-ID: <logo@example.com>\nContent-Transfer-Encoding: base64\n\n" + b64(png) + "\n--related--\n\n"
    "--mixed\nContent-Type: application/pdf; name=\"timeline.pdf\"\nContent-Disposition: attachment; filename=\"timeline.pdf\"\n"
    "Content-Transfer-Encoding: base64\n\n" + b64(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") +
    "\n--mixed\nContent-Type: text/plain; charset=utf-8; name=\"internal-notes.txt\"\n"
    "Content-Disposition: attachment; filename=\"internal-notes.txt\"\n\nTODO: ask finance about refunds\n--mixed--\n")
expected.append({"file": "inline-images-attachments.eml", "rule": "draft-next-update", "raw": "09:45 on 2 November 2026"})

for name, content in files.items():
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
    f.write("\n")
