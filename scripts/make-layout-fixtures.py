#!/usr/bin/env python3
"""Writes the paragraph-layout fixtures (tests/fixtures/documents/layout/) as flat ODT (.fodt)
sources and converts them to PDF with LibreOffice. Not run in CI: the .fodt sources and the
PDFs LibreOffice made are committed; tests/unit/documents-layout-pdf.test.ts reads the PDFs.

  python3 scripts/make-layout-fixtures.py      # needs soffice and fonts-noto-cjk

Each document's paragraphs (what the reader must get back, one per paragraph) are written
beside it as <name>.expected.json, from the same lists the .fodt is made of.
"""
import json, os, subprocess, sys, tempfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "documents", "layout")
os.makedirs(OUT, exist_ok=True)

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title></office:meta>
<office:font-face-decls>
<style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
<style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>
<style:style style:name="Centre" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="CentreBold" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="RightFour" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:margin-right="2.24cm"/></style:style>
<style:style style:name="Hanging" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="3.36cm" fo:text-indent="-1.12cm"/></style:style>
<style:style style:name="DocTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="HeaderP" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="FooterP" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">{header}
<style:footer><text:p text:style-name="FooterP">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:text>
'''
TAIL = "</office:text></office:body></office:document>\n"

IND = "\u3000\u3000"  # first-line indent typed as two 全角 spaces, as most people type it

SENTENCES = [
    "理论学习中心组是党委（党组）开展理论学习的重要组织形式。", "要把学习党的创新理论作为首要政治任务，坚持读原著、学原文、悟原理。",
    "各级党组织要结合实际制定年度学习计划，明确学习专题和时间安排。", "学习中要注重联系思想和工作实际，深入查找差距和不足。",
    "中心组成员要带头撰写学习笔记和心得体会，积极参加专题研讨。", "推动学习成果转化为谋划工作的思路、促进发展的措施。",
    "以上率下带动全体党员干部学深悟透、真信笃行。", "确保每季度至少开展一次集体学习研讨，做好学习记录。",
]

def prose(seed, n):
    return "".join(SENTENCES[(seed * 3 + k) % len(SENTENCES)] for k in range(n))

def write(name, title, items, header=None):
    """items: (style, text as typed, expected paragraph or None when the reader drops it)."""
    h = f'\n<style:header><text:p text:style-name="HeaderP">{esc(header)}</text:p></style:header>' if header else ""
    body = "".join(f'<text:p text:style-name="{st}">{esc(t)}</text:p>\n' for st, t, _ in items)
    with open(os.path.join(OUT, f"{name}.fodt"), "w", encoding="utf-8") as f:
        f.write(HEAD.format(title=esc(title), header=h) + body + TAIL)
    expected = [e for _, _, e in items if e is not None]
    with open(os.path.join(OUT, f"{name}.expected.json"), "w", encoding="utf-8") as f:
        json.dump({"title": title, "paragraphs": expected}, f, ensure_ascii=False, indent=1)
        f.write("\n")

# 1. A 公文: centred title, 主送, indented paragraphs (one ending on a full line just before the
#    sign-off), 附件 list, the sign-off typed with 全角 spaces, the date right-aligned 右空四字.
# Two full lines (25 characters after the indent, then 27), the last ending on 。 at the right edge.
full = "各单位要把学习成果转化为推动工作的实际成效，认真做" + "好学习记录和总结，按时报送情况，确保工作落到实处。"
g = [("DocTitle", "某某党委办公室关于开展2026年度理论学习的通知", None),
     ("Standard", "各党支部，机关各部门：", "各党支部，机关各部门：")]
for i in range(3):
    t = prose(i, 4)
    g.append(("Standard", IND + t, t))
g.append(("Standard", IND + full, full))
g.append(("Standard", IND + "附件：1．2026年党委理论学习中心组学习计划", "附件：1．2026年党委理论学习中心组学习计划"))
g.append(("Standard", IND + "\u3000\u3000\u30002．理论学习中心组学习记录表", "2．理论学习中心组学习记录表"))
g.append(("Standard", "\u3000" * 16 + "某某党委办公室", "某某党委办公室"))
g.append(("RightFour", "2026年12月5日", "2026年12月5日"))
write("gongwen-signoff", "某某党委办公室关于开展2026年度理论学习的通知", g)

# 2. A study material: running header and — N — page numbers, centred headings (bold and
#    plain), indented paragraphs, one of them across a page break, a numbered list with a wrapped
#    hanging item, a right-aligned source line after a paragraph that ends on a full line.
m = [("DocTitle", "学习材料汇编（第三辑）", None),
     ("Right", "（根据会议录音整理）", "（根据会议录音整理）"),
     ("CentreBold", "一、充分认识理论学习的重要意义", "一、充分认识理论学习的重要意义")]
for i in range(6):
    t = prose(i + 2, 5 + i % 3)
    m.append(("Standard", IND + t, t))
m.append(("Centre", "学习要求", "学习要求"))
m.append(("Hanging", "1．坚持读原著、学原文、悟原理，做到学思用贯通、知信行统一，把学习成果转化为推动工作的实际成效。", "1．坚持读原著、学原文、悟原理，做到学思用贯通、知信行统一，把学习成果转化为推动工作的实际成效。"))
m.append(("Hanging", "2．每季度至少开展一次集体学习研讨。", "2．每季度至少开展一次集体学习研讨。"))
m.append(("Hanging", "3．认真做好学习记录。", "3．认真做好学习记录。"))
m.append(("CentreBold", "二、扎实开展中心组集体学习", "二、扎实开展中心组集体学习"))
for i in range(7):
    t = prose(i + 9, 6 + i % 2)
    m.append(("Standard", IND + t, t))
m.append(("Standard", IND + full, full))
m.append(("Right", "（来源：某某党委宣传部）", "（来源：某某党委宣传部）"))
write("study-material", "学习材料汇编（第三辑）", m, header="某某党委理论学习中心组学习材料")

# 3. A plain notice typed without indents or spacing: block paragraphs, each ending a line with
#    a full stop, the sign-off and the date at the left margin right after a full line.
n = [("DocTitle", "关于报送学习心得的通知", None)]
plain = ["请各党支部于12月20日前报送本支部党员的学习心得，每人不少于一篇，字数不少于一千五百字。",
         # One full line, then two, each ending on a full stop at the right edge.
         "学习心得要联系思想和工作实际，谈认识、谈体会、谈打算。",
         "报送方式：电子版发送至党委办公室邮箱，纸质版一式两份交党委办公室，逾期未报送的支部由党委办公室予以通报批评。"]
for t in plain:
    n.append(("Standard", t, t))
n.append(("Standard", "某某党委办公室", "某某党委办公室"))
n.append(("Standard", "2026年12月5日", "2026年12月5日"))
write("notice-plain", "关于报送学习心得的通知", n)

with tempfile.TemporaryDirectory() as work:
    names = ["gongwen-signoff", "study-material", "notice-plain"]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to", "pdf", "--outdir", OUT]
                   + [os.path.join(OUT, f"{n}.fodt") for n in names], check=True, stdout=subprocess.DEVNULL)
print("wrote", ", ".join(sorted(os.listdir(OUT))))
