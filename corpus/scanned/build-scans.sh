#!/usr/bin/env bash
# Builds the scanned corpus from born-digital corpus PDFs: each page rendered at 150, 200 or 300 dpi,
# a red round seal pressed over the form (multiplied, as ink is: black print stays black under it),
# scanner noise, JPEG compression and a few degrees of skew; some pages turned 90° or upside down.
# Each case's expected.json is its original's, with the OCR_PAGE finding of every page added and
# the original named (scannedFrom).
#
# Needs Debian's poppler-utils, imagemagick and img2pdf:
#   apt-get update && apt-get install -y poppler-utils imagemagick img2pdf
# Run from anywhere: bash corpus/scanned/build-scans.sh   (rewrites corpus/scanned/*/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
font="$(fc-list :lang=zh file | sed 's/: *$//' | grep -i 'NotoSansCJK-Bold\|NotoSansCJK\|Droid' | head -1)"

# seal DPI FILE: a round seal 1.6 inch across, red ring, star and text, on white.
seal() {
  local dpi=$1 out=$2 d r c
  d=$((dpi * 16 / 10)); r=$((d / 2 - dpi / 20)); c=$((d / 2))
  convert -size ${d}x${d} xc:white -fill none -stroke 'rgb(215,35,45)' -strokewidth $((dpi / 25)) \
    -draw "circle $c,$c $c,$((c - r))" -fill 'rgb(215,35,45)' -stroke none \
    -draw "polygon $c,$((c - d / 6)) $((c + d / 22)),$((c - d / 20)) $((c + d / 6)),$((c - d / 20)) $((c + d / 14)),$((c + d / 40)) $((c + d / 9)),$((c + d / 7)) $c,$((c + d / 14)) $((c - d / 9)),$((c + d / 7)) $((c - d / 14)),$((c + d / 40)) $((c - d / 6)),$((c - d / 20)) $((c - d / 22)),$((c - d / 20))" \
    ${font:+-font "$font"} -pointsize $((dpi / 7)) -gravity center -annotate +0+$((d / 4)) '绩效评价专用章' \
    -gravity north -annotate +0+$((d / 9)) '财政局' "$out"
}

# scan NAME SOURCE DPI GREY QUALITY SKEW SEALPAGE SEALX SEALY TURNPAGE TURN
#   SEALX/SEALY: where the seal's top-left corner goes, in hundredths of the page width/height;
#   TURNPAGE/TURN: a page turned by TURN degrees (0 for none).
scan() {
  local name=$1 src=$2 dpi=$3 grey=$4 quality=$5 skew=$6 sealpage=$7 sx=$8 sy=$9 turnpage=${10} turn=${11}
  local dir="$here/$name" pages=() i=0
  mkdir -p "$dir"
  rm -f "$work"/page-*.png
  pdftoppm -r "$dpi" -png "$corpus/$src/$src.pdf" "$work/page"
  seal "$dpi" "$work/seal.png"
  for png in "$work"/page-*.png; do
    i=$((i + 1))
    local w h ops=()
    w=$(identify -format %w "$png"); h=$(identify -format %h "$png")
    if [ "$i" -eq "$sealpage" ]; then
      convert "$png" "$work/seal.png" -geometry +$((w * sx / 100))+$((h * sy / 100)) -compose Multiply -composite "$png"
    fi
    [ "$grey" = grey ] && ops+=(-colorspace Gray)
    ops+=(-attenuate 0.4 +noise Gaussian -background white -rotate "$skew")
    [ "$i" -eq "$turnpage" ] && ops+=(-rotate "$turn")
    convert "$png" "${ops[@]}" -quality "$quality" -density "$dpi" "$work/$name-$i.jpg"
    pages+=("$work/$name-$i.jpg")
  done
  img2pdf --imgsize "${dpi}dpi" "${pages[@]}" -o "$dir/$name.pdf"
  python3 - "$corpus/$src/expected.json" "$dir/expected.json" "$i" <<'PY'
import json, sys
original, out, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
e = {"scannedFrom": original.split("/")[-2], **json.load(open(original, encoding="utf-8"))}
e["findings"] = [{"code": "OCR_PAGE", "severity": "INFO", "subject": "第 %d 页" % p} for p in range(1, pages + 1)] + e["findings"]
json.dump(e, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(out, "a").write("\n")
PY
  echo "$name: $i page(s), $(du -k "$dir/$name.pdf" | cut -f1) KB"
}

#    name                    source                   dpi grey   q  skew seal x  y  turn
scan scan-water-150          pdf-mof-water            150 colour 50  2    1    55 8  0 0
scan scan-school-200         pdf-mof-school           200 colour 60  -3   1    60 20 0 0
scan scan-clinic-300-grey    pdf-decl-clinic          300 grey   35  1    2    55 30 0 0
scan scan-forest-200-turned  pdf-prov-forest          200 colour 55  -1.5 1    50 10 1 90
scan scan-toilet-200-upside  pdf-mof-toilet-crosspage 200 colour 55  2.5  2    40 40 2 180
