#!/usr/bin/env bash
# Regenerates every PDF of the PDF corpus from the sources in this folder, the way submitters make
# them: LibreOffice Writer's PDF export (from HTML, and from .docx for the Word route), LibreOffice
# Calc's export (from .xlsx), and Chromium's print to PDF; plus one scan (a page rendered to an
# image and wrapped in a PDF without text layer).
#
# Needs (Debian): libreoffice-writer libreoffice-calc chromium fonts-noto-cjk fonts-wqy-zenhei
#                 poppler-utils img2pdf.  Run as root (Chromium then needs --no-sandbox).
# The PDFs are committed: tests never need these tools.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"; mkdir -p "$HOME"

python3 "$here/generate.py"

lo() { soffice --headless --norestore "-env:UserInstallation=file://$work/lo" "$@" >/dev/null 2>&1; }

chrome() { # html pdf
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$work")" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

while read -r case name how; do
  [ -n "$case" ] || continue
  html="$here/html/$name.html"
  out="$corpus/$case/$case.pdf"
  case "$how" in
    lo)
      lo --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$work" "$html"
      mv "$work/$name.pdf" "$out" ;;
    docx)
      lo --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$here/office" "$html"
      lo --convert-to pdf:writer_pdf_Export --outdir "$work" "$here/office/$name.docx"
      mv "$work/$name.pdf" "$out" ;;
    calc) # kept for the spreadsheet route; no case uses it now (Calc's HTML import drops borders)
      lo --infilter="HTML (StarCalc)" --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$here/office" "$html"
      lo --convert-to pdf:calc_pdf_Export --outdir "$work" "$here/office/$name.xlsx"
      mv "$work/$name.pdf" "$out" ;;
    chrome)
      chrome "$html" "$out" ;;
  esac
  echo "$case: $(pdfinfo "$out" | awk '/^Pages/ {print $2}') page(s) ($how)"
done < "$here/html/cases.list"

# PDF versions of text-form corpus cases (same content, so the case's expected.json holds for
# the PDF too): laid out by text2html.py, printed by Chromium or LibreOffice Writer.
text_cases="changsha-county-2022-self-eval-farmland:chrome chengdu-wuhou-2020-self-eval-eldercare:lo
hangzhou-xihu-2024-declaration-elevator:chrome kunshan-2022-declaration-internship:lo
ningbo-yinzhou-2023-declaration-library:chrome qingdao-2019-self-eval-mof:lo
shenzhen-futian-2023-self-eval-mof:chrome sichuan-2024-declaration-rural-water:lo
suzhou-2021-self-eval-mof:chrome yichang-2021-self-eval-bicycle:chrome"
for entry in $text_cases; do
  case="${entry%%:*}"; how="${entry##*:}"
  txt="$corpus/$case/$case.txt"
  [ -f "$txt" ] || { echo "$case: no text form, skipped"; continue; }
  html="$work/$case.html"
  python3 "$here/text2html.py" "$txt" "$html"
  out="$corpus/$case/$case.pdf"
  if [ "$how" = chrome ]; then
    chrome "$html" "$out"
  else
    lo --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$work" "$html"
    mv "$work/$case.pdf" "$out"
  fi
  echo "$case: $(pdfinfo "$out" | awk '/^Pages/ {print $2}') page(s) ($how, from the text form)"
done

# The spreadsheet route for the office extractor: the Ministry form as .xlsx made by Calc.
lo --infilter="HTML (StarCalc)" --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$here/office" "$here/html/mof-water.html"

# The scan: page 1 of pdf-mof-water as a 150 dpi image, wrapped in a PDF without any text.
pdftoppm -r 150 -f 1 -l 1 -png "$corpus/pdf-mof-water/pdf-mof-water.pdf" "$work/scan"
img2pdf --pagesize A4 -o "$corpus/pdf-scan-image-only/pdf-scan-image-only.pdf" "$work"/scan*.png
echo "pdf-scan-image-only: image only"
