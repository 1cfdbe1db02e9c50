#!/usr/bin/env python3
"""Lays out a text-form corpus case (corpus/<case>/<case>.txt) as an HTML page that build.sh prints
to PDF, so that the PDF carries the same report as the text form and the case's expected.json
holds for both.

The text form is read as jixiao's text extractor reads it (tab rows are table rows, consecutive
rows are one table even across blank lines, prose lines cut by a page break are joined). Merged
cells cannot be told from empty ones in the text form; an empty cell in the first three columns
below a label is drawn merged with it (rowspan), as the forms print 项目资金 or 一级指标, which
reads back the same way. Cell text is the cleaned text (checkboxes as ☑/☐), as the text form
means it.
"""
import html
import os
import re
import sys

SOFT_BREAK_MIN_LENGTH = 30  # TextReportExtractor.SOFT_BREAK_MIN_LENGTH
CLOSING = re.compile(r".*[。！？!?；;：:…”」』）)\]】]$")
LIST_START = re.compile(r"^([（(]?[0-9一二三四五六七八九十]+[)）.、．]|[①-⑳]|[-*•]\s).*")
MARKDOWN_ROW = re.compile(r"^\s*\|.*\|\s*$")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
CHECKED_BOX = re.compile(r"<input[^>]*\bchecked\b[^>]*>", re.I)
BOX = re.compile(r"<input[^>]*>", re.I)
BLOCK_TAG = re.compile(r"</?(p|div|br|li|ol|ul|tr|h[1-6])\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]{0,500}>")
SPACES = re.compile(r"[\s\u00a0\u3000]+")
MERGE_COLUMNS = 3
NOWRAP_MAX = 16

CSS = """
body { font-family: "%s"; font-size: 10.5pt; line-height: 1.5; }
p { margin: 0.25em 0; }
table { border-collapse: collapse; width: 100%%; font-family: "%s"; margin: 0.4em 0; }
td { border: 1px solid #000; padding: 3px 4px; font-size: 9pt; text-align: center; }
td.s { white-space: nowrap; }
td.l { text-align: left; }
"""


def clean(raw):
    s = raw
    if "<" in s:
        s = CHECKED_BOX.sub("☑", s)
        s = BOX.sub("☐", s)
        s = BLOCK_TAG.sub(" ", s)
        s = TAG.sub("", s)
    if "&" in s:
        s = html.unescape(s)
    return SPACES.sub(" ", s).strip()


def cells(line):
    if "\t" in line:
        return [clean(c) for c in line.split("\t")]
    if MARKDOWN_ROW.match(line):
        inner = line.strip()[1:-1]
        return [clean(c) for c in inner.split("|")]
    return None


def join(paragraph, nxt):
    a, b = paragraph[-1], nxt[0]
    if ord(a) < 0x2E80 and ord(b) < 0x2E80 and a.isalnum() and b.isalnum():
        return paragraph + " " + nxt
    return paragraph + nxt


def blocks(text):
    out = []
    table = []
    paragraph = None
    for line in re.split(r"\r\n|\r|\n", text):
        line = line.replace("\ufeff", "")
        row = cells(line)
        if row is not None:
            if paragraph is not None:
                out.append(("p", paragraph))
                paragraph = None
            table.append(row)
            continue
        c = clean(MARKDOWN_HEADING.sub("", line, count=1))
        if not c:
            continue
        if table:
            out.append(("table", table))
            table = []
        if (paragraph is not None and len(paragraph) >= SOFT_BREAK_MIN_LENGTH
                and not CLOSING.match(paragraph) and not LIST_START.match(c)):
            paragraph = join(paragraph, c)
        else:
            if paragraph is not None:
                out.append(("p", paragraph))
            paragraph = c
    if paragraph is not None:
        out.append(("p", paragraph))
    if table:
        out.append(("table", table))
    return out


def table_html(rows):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    covered = [[False] * width for _ in rows]
    span = [[1] * width for _ in rows]
    for c in range(min(MERGE_COLUMNS, width)):
        r = 0
        while r < len(rows):
            if rows[r][c] and not covered[r][c]:
                k = r + 1
                # A cell reaches down over empty cells of its column while the row goes on to
                # the right and has nothing to the left (a new 一级 label ends the 二级 cell).
                while (k < len(rows) and not rows[k][c] and any(rows[k][c + 1:])
                       and not any(rows[k][:c])):
                    k += 1
                span[r][c] = k - r
                for j in range(r + 1, k):
                    covered[j][c] = True
                r = k
            else:
                r += 1
    out = ['<table border="1" cellspacing="0" cellpadding="3">']
    for r, row in enumerate(rows):
        tds = []
        for c, text in enumerate(row):
            if covered[r][c]:
                continue
            cls = "s" if len(text) <= NOWRAP_MAX else "l"
            rs = ' rowspan="%d"' % span[r][c] if span[r][c] > 1 else ""
            tds.append('<td class="%s"%s>%s</td>' % (cls, rs, html.escape(text)))
        out.append("<tr>%s</tr>" % "".join(tds))
    out.append("</table>")
    return "\n".join(out)


def convert(txt_path, html_path, body_font, table_font):
    with open(txt_path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8-sig")
    parts = []
    for kind, value in blocks(text):
        parts.append(table_html(value) if kind == "table" else "<p>%s</p>" % html.escape(value))
    title = next((v for k, v in blocks(text) if k == "p"), "report")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>\n<style>%s</style></head>\n<body>\n%s\n</body></html>\n'
                % (html.escape(title), CSS % (body_font, table_font), "\n".join(parts)))


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "Noto Serif CJK SC",
            sys.argv[4] if len(sys.argv) > 4 else "Noto Sans CJK SC")
