'use strict';
// Search page: the CLI's search over /api/search, facet counts to narrow down (the region facet
// walks down the region tree), a result table and its CSV export.

const FILTERS = ['q', 'region', 'year', 'kind', 'level1', 'finding', 'where'];
const FACET_FILTERS = { '地区': 'region', '年度': 'year', '类型': 'kind', '一级指标': 'level1', '问题': 'finding' };
const RESULT_LIMIT = 200;
let lastHits = [];

document.getElementById('top').appendChild(nav('search.html'));
const findingSelect = document.getElementById('finding');
catalogue.then(() => {
  for (const c of Object.values(CATALOGUE.codes)) {
    if (c.inReports) findingSelect.appendChild(el('option', { value: c.code }, c.title));
  }
  if (initial.has('finding')) findingSelect.value = initial.get('finding');
});
const form = document.getElementById('search-form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  search(true);
});
document.getElementById('csv-button').addEventListener('click', exportCsv);
const initial = new URLSearchParams(location.search);
for (const name of FILTERS) if (initial.has(name)) document.getElementById(name).value = initial.get(name);
catalogue.then(() => search(false));

function params() {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = document.getElementById(name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function search(remember) {
  const p = params();
  if (remember) history.replaceState(null, '', 'search.html?' + p.toString());
  p.set('limit', RESULT_LIMIT);
  const summary = document.getElementById('summary');
  summary.textContent = '检索中…';
  try {
    const { body } = await getJson('api/search?' + p.toString());
    lastHits = body.hits;
    summary.textContent = body.total === 0 ? '没有找到符合条件的条目。'
      : '共 ' + body.total + ' 条' + (body.total > body.hits.length ? '，显示前 ' + body.hits.length + ' 条' : '');
    renderHits(body.hits);
    renderFacets(body.facets);
    document.getElementById('csv-button').disabled = body.hits.length === 0;
  } catch (e) {
    summary.textContent = e.message;
    lastHits = [];
    renderHits([]);
  }
}

function hitRow(h) {
  let name = h.name;
  let target = h.target;
  let actual = h.actual;
  if (h.type === 'report') {
    name = '（整份报告）';
    target = h.amount === null ? '' : '预算 ' + h.amount + ' 万元';
    actual = h.executionRate === null ? '' : '执行率 ' + h.executionRate + '%';
  } else if (h.type === 'budget') {
    name = '项目概算：' + text(h.name);
    target = '';
    actual = h.amount === null ? '' : h.amount + ' 万元';
  }
  if (!h.current) name = '〔历史〕' + text(name);
  const score = h.type === 'report' ? h.totalScore : h.score;
  return [text(h.region), text(h.year), kindLabel(h.kind), text(h.project), text(h.level1), text(name), text(target),
    text(actual), text(h.weight), text(score), (h.findings || []).map(findingLabel).join('、')];
}

function renderHits(hits) {
  const tbody = clear(document.getElementById('hits').tBodies[0]);
  for (const h of hits) {
    const cells = hitRow(h);
    const row = el('tr', { class: (h.findings || []).length > 0 ? 'flagged' : null });
    cells.forEach((c, i) => row.appendChild(el('td', {}, i === 3 ? reportLink(h.sha256, c || h.file) : c)));
    tbody.appendChild(row);
  }
}

function renderFacets(facets) {
  const aside = clear(document.getElementById('facets'));
  for (const f of facets || []) {
    const filter = FACET_FILTERS[f.dimension];
    const box = el('div', { class: 'facet' }, el('h3', {}, f.dimension));
    if (f.path && f.path.length > 0) {
      // The region tree: where every hit lies in one region the counts are of the next level down.
      box.appendChild(el('div', { class: 'crumbs' }, f.path.map((p, i) =>
        el('a', { href: '#', onclick: (e) => { e.preventDefault(); setFilter(filter, p); } }, (i > 0 ? ' › ' : '') + p))));
    }
    const list = el('ul', {});
    for (const c of f.counts) {
      const label = f.dimension === '问题' ? findingLabel(c.value) : f.dimension === '类型' ? kindLabel(c.value) : c.value;
      list.appendChild(el('li', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); setFilter(filter, c.value); } }, label),
        ' ', el('span', { class: 'count' }, c.count)));
    }
    box.appendChild(list);
    aside.appendChild(box);
  }
}

function setFilter(name, value) {
  if (!name) return;
  document.getElementById(name).value = value;
  search(true);
}

/** CSV of the rows shown, UTF-8 with a byte-order mark so that Excel opens it correctly. */
function exportCsv() {
  const header = ['地区', '年度', '类型', '项目', '一级指标', '指标/条目', '指标值', '实际完成值', '分值', '得分', '问题', '文件', 'SHA-256'];
  const lines = [header].concat(lastHits.map((h) => hitRow(h).concat([text(h.file), text(h.sha256)])));
  const csv = lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const blob = new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' });
  const link = el('a', {}, 'csv');
  link.href = URL.createObjectURL(blob);
  link.download = 'jixiao-search.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function csvCell(v) {
  let s = text(v);
  // A cell starting with = + - @ would be run as a formula by Excel: keep it text.
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
