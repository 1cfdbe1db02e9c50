#!/usr/bin/env bash
# Regenerates the variant cases of corpus/variants/ from the HTML sources in this folder, the way
# real submissions are made: LibreOffice Writer's PDF export and Word export from HTML
# (infilter "HTML (StarWriter)"), and Calc's XLSX export from HTML (infilter "HTML (StarCalc)").
#
# Needs (Debian): libreoffice-writer libreoffice-calc fonts-noto-cjk poppler-utils.
# The outputs are committed: tests never need these tools.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out_root="$(cd "$here/../.." && pwd)/variants"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"; mkdir -p "$HOME"

lo() { soffice --headless --norestore "-env:UserInstallation=file://$work/lo" "$@" >/dev/null 2>&1; }

# case            second format (besides the PDF)
cases="anhui-style-selfeval xlsx
split-target-selfeval xlsx
dept-overall-selfeval docx
scoring-sheet-two-scores xlsx
transfer-selfeval docx
approval-form-decl docx
declaration-cost-items docx
dept-overall-decl xlsx
prose-notice-decl docx
not-a-report docx"

while read -r case fmt; do
  [ -n "$case" ] || continue
  html="$here/$case.html"
  out="$out_root/$case"
  mkdir -p "$out"
  lo --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$work" "$html"
  mv "$work/$case.pdf" "$out/$case.pdf"
  case "$fmt" in
    xlsx)
      lo --infilter="HTML (StarCalc)" --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work" "$html"
      mv "$work/$case.xlsx" "$out/$case.xlsx" ;;
    docx)
      lo --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$html"
      mv "$work/$case.docx" "$out/$case.docx" ;;
  esac
  echo "$case: pdf ($(pdfinfo "$out/$case.pdf" | awk '/^Pages/ {print $2}') page(s)) + $fmt"
done <<< "$cases"
