#!/bin/sh
# Regenerates tests/fixtures/documents/ with real producers: LibreOffice (soffice) turns flat
# ODT files written here into PDF, .doc and .docx; ImageMagick makes the scanned PDF; the OFD
# files are built by hand following GB/T 33190. Not run in CI: the produced files are committed.
# Needs: soffice (libreoffice-writer-nogui), ImageMagick (CONVERT=/usr/bin/convert by default), python3, fonts-noto-cjk.
CONVERT=${CONVERT:-/usr/bin/convert}
set -eu
cd "$(dirname "$0")/.."
OUT=tests/fixtures/documents
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

python3 - "$WORK" "$OUT" <<'PY'
import sys, zipfile, os
work, out = sys.argv[1], sys.argv[2]

SENTENCES = [
    "理论学习中心组是党委（党组）开展理论学习的重要组织形式，", "要把学习党的创新理论作为首要政治任务，",
    "坚持读原著、学原文、悟原理，做到学思用贯通、知信行统一。", "各级党组织要结合实际制定年度学习计划，",
    "明确学习专题、学习方式和时间安排，", "确保每季度至少开展一次集体学习研讨。",
    "学习中要注重联系思想和工作实际，", "深入查找差距和不足，提出改进措施，",
    "推动学习成果转化为谋划工作的思路、促进发展的措施。", "中心组成员要带头撰写学习笔记和心得体会，",
    "积极参加专题研讨，认真准备发言提纲，", "以上率下带动全体党员干部学深悟透、真信笃行。",
]

def para(i, n):
    return "".join(SENTENCES[(i * 5 + k) % len(SENTENCES)] for k in range(n)).rstrip("，") .rstrip("，") + ("" if SENTENCES[(i*5+n-1) % len(SENTENCES)].endswith("。") else "。")

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><meta:initial-creator>Administrator</meta:initial-creator></office:meta>
<office:font-face-decls>
<style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
<style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="{size}pt" style:font-size-asian="{size}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="{indent}cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Centre" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Masthead" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/><style:text-properties fo:color="#d40000" fo:font-size="30pt" style:font-size-asian="30pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="DocTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.6cm" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="HeaderP" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="FooterP" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.8cm" fo:margin-bottom="1.6cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">{header}
<style:footer><text:p text:style-name="FooterP">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:text>
'''
TAIL = "</office:text></office:body></office:document>\n"

def fodt(name, title, body, size=12, header=None):
    h = f'\n<style:header><text:p text:style-name="HeaderP">{esc(header)}</text:p></style:header>' if header else ""
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(HEAD.format(title=esc(title), size=size, header=h, indent=round(size * 2 * 2.54 / 72, 3)) + body + TAIL)

def p(style, text):
    return f'<text:p text:style-name="{style}">{esc(text)}</text:p>\n'

def h1(text):
    return f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{esc(text)}</text:h>\n'

# A study compilation: Word Title style, Heading 1s, running header, "— N —" footers, 4 pages.
body = p("Title", "深入学习贯彻党的创新理论")
body += p("Centre", "来源：某某集团党委宣传部　2025年3月12日")
heads = ["一、充分认识理论学习的重要意义", "二、扎实开展中心组集体学习", "三、推动学习成果转化运用"]
for s, head in enumerate(heads):
    body += h1(head)
    for i in range(6):
        body += p("Body", para(s * 7 + i, 9))
fodt("report.fodt", "深入学习贯彻党的创新理论", body, size=12, header="某某集团党委理论学习中心组学习材料")

# A 公文: red masthead, 发文字号, the centred title wrapping onto two lines, junk metadata title.
g = p("Masthead", "中共某某市委办公室文件")
g += p("Centre", "某委办发〔2025〕3号")
g += p("DocTitle", "中共某某市委办公室关于印发《2025年党委（党组）理论学习中心组学习计划》的通知")
g += p("Standard", "各县（市、区）委，市委各部委，市直各单位党组（党委）：")
for i in range(5):
    g += p("Body", para(40 + i, 8))
g += p("Body", "附件：2025年党委（党组）理论学习中心组学习计划")
g += p("Right", "中共某某市委办公室")
g += p("Right", "2025年1月10日")
fodt("gongwen.fodt", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", g, size=16)

# 100 pages of text for the benchmark.
b = p("Title", "学习资料汇编（百页）")
for s in range(60):
    b += h1(f"第{s + 1}部分　专题学习材料")
    for i in range(12):
        b += p("Body", para(s * 13 + i, 8))
fodt("hundred.fodt", "学习资料汇编（百页）", b, size=12, header="学习资料汇编")

# OFD (GB/T 33190), built by hand: two pages of positioned TextObjects.
OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
def ofd(path, pages, title, extra=None):
    z = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    z.writestr("OFD.xml", f'''<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD {OFD_NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6a1b0c9e2f3d4e5f</ofd:DocID><ofd:Title>{esc(title)}</ofd:Title><ofd:Author>Administrator</ofd:Author><ofd:CreationDate>2025-02-18</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>''')
    page_list = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    z.writestr("Doc_0/Document.xml", f'''<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document {OFD_NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>''')
    z.writestr("Doc_0/PublicRes.xml", f'''<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res {OFD_NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/><ofd:Font ID="3" FontName="方正小标宋简体" FamilyName="方正小标宋简体"/><ofd:Font ID="4" FontName="黑体" FamilyName="黑体"/></ofd:Fonts></ofd:Res>''')
    oid = 100
    for i, objs in enumerate(pages):
        xml = []
        for (x, y, size, font, text, colour) in objs:
            oid += 1
            w = size * len(text)
            fill = f'<ofd:FillColor Value="{colour}"/>' if colour else ""
            deltas = " ".join([f"{size:g}"] * (len(text) - 1))
            dx = f' DeltaX="{deltas}"' if deltas else ""
            # Boundary holds the object; TextCode X/Y are relative to it, Y at the baseline.
            xml.append(f'<ofd:TextObject ID="{oid}" Boundary="{x:g} {y:g} {w:g} {size * 1.4:g}" Font="{font}" Size="{size:g}">{fill}<ofd:TextCode X="0" Y="{size:g}"{dx}>{esc(text)}</ofd:TextCode></ofd:TextObject>')
        # Written out of order on purpose: readers must sort by position, not trust the file.
        xml.reverse()
        z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", f'''<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {OFD_NS}><ofd:Content><ofd:Layer ID="{oid + 1000}">{"".join(xml)}</ofd:Layer></ofd:Content></ofd:Page>''')
    if extra:
        extra(z)
    z.close()

def lines_of(text, per_line, first_indent=2):
    out, cur, first = [], "", True
    width = per_line - (first_indent if first else 0)
    for ch in text:
        cur += ch
        if len(cur) >= width:
            out.append((first, cur)); cur = ""; first = False; width = per_line
    if cur: out.append((first, cur))
    return out

S = 5.6  # 16 pt in mm
def body_lines(paras, y, page_objs, pages, top=37.0, bottom=255.0):
    for t in paras:
        for first, line in lines_of(t, 28):
            if y > bottom:
                pages.append(page_objs); page_objs = []; y = top
            x = 28 + (2 * S if first else 0)
            page_objs.append((x, y, S, 2, line, None))
            y += S * 1.7
    return y, page_objs

pages, objs = [], []
objs.append((40, 40, 10.5, 3, "中共某某县委组织部文件", "200 0 0"))
objs.append((70, 62, S, 2, "某组发〔2025〕7号", None))
objs.append((28, 80, 7.7, 3, "关于开展2025年度党员干部", None))
objs.append((45, 90, 7.7, 3, "理论学习测试的通知", None))
objs.append((28, 106, S, 2, "各基层党组织：", None))
paras = [para(60 + i, 7) for i in range(5)]
y, objs = body_lines(paras, 116, objs, pages)
objs.append((28, y, S, 2, "附件：理论学习测试题库.docx", None)); y += S * 1.7
objs.append((130, y + 8, S, 2, "中共某某县委组织部", None))
objs.append((134, y + 18, S, 2, "2025年2月18日", None))
pages.append(objs)
for n, po in enumerate(pages):
    po.append((98, 272, 4.9, 2, f"— {n + 1} —", None))
ofd(os.path.join(out, "tongzhi.ofd"), pages, "Administrator")

def traversal(z):
    z.writestr("../x", "outside")
ofd(os.path.join(out, "traversal.ofd"), [[(28, 40, S, 2, "正文", None)]], "x", traversal)
PY

cp "$WORK"/report.fodt "$WORK"/gongwen.fodt "$WORK"/hundred.fodt "$OUT"/ 2>/dev/null || true
rm -f "$OUT"/*.fodt
soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/report.fodt" "$WORK/gongwen.fodt" "$WORK/hundred.fodt" >/dev/null
soffice --headless --convert-to doc --outdir "$WORK" "$WORK/report.fodt" "$WORK/gongwen.fodt" >/dev/null
soffice --headless --convert-to docx --outdir "$WORK" "$WORK/report.fodt" >/dev/null
soffice --headless --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"yandu"}}' --outdir "$WORK/enc" "$WORK/report.fodt" >/dev/null
cp "$WORK/report.pdf" "$WORK/report.doc" "$WORK/report.docx" "$WORK/gongwen.pdf" "$WORK/gongwen.doc" "$WORK/hundred.pdf" "$OUT/"
cp "$WORK/enc/report.pdf" "$OUT/encrypted.pdf"
# WPS Office saves .wps in the same Word 97 binary format.
cp "$WORK/gongwen.doc" "$OUT/gongwen.wps"
# A "Word" file that a web system exported as HTML.
printf '<html><head><meta charset="utf-8"><title>学习安排</title></head><body><p>这是网页，不是 Word 文件。</p></body></html>\n' > "$OUT/fake.doc"
# A scan: two pages that are pictures of text, no text layer. ImageMagick draws the pages (its
# Debian policy forbids writing PDF), python wraps the grey pixels into a PDF of image XObjects.
for n in 1 2; do
  "$CONVERT" -size 620x877 xc:white -font Noto-Sans-CJK-SC -pointsize 24 -fill black \
    -annotate +70+150 "扫描件：党委会议纪要（第${n}页）" -depth 8 "gray:$WORK/scan$n.raw"
done
python3 - "$WORK" "$OUT/scan.pdf" <<'PY2'
import sys, zlib
work, dest = sys.argv[1], sys.argv[2]
W, H = 620, 877
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
kids = []
for n in (1, 2):
    data = zlib.compress(open(f"{work}/scan{n}.raw", "rb").read(), 9)
    img = len(objs) + 1
    objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (W, H, len(data)) + data + b"\nendstream")
    draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (img, img + 1))
    kids.append(len(objs))
objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, o in enumerate(objs):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(dest, "wb").write(out)
PY2
ls -l "$OUT"
