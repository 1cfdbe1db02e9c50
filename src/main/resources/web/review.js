'use strict';
// The reviewer's list: every submission from the store of record — failed and duplicate files with
// their reasons too — filtered and sorted on the server; the filters live in the address so a
// reload or a shared link shows the same list.

document.getElementById('top').appendChild(nav('review.html'));
const FILTERS = ['status', 'outcome', 'region', 'year', 'kind', 'partly', 'errors', 'rate', 'score', 'code', 'sort'];
const params = new URLSearchParams(location.search);
document.getElementById('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = query();
  history.replaceState(null, '', 'review.html' + (q ? '?' + q : ''));
  loadList();
});
// The finding codes come from the catalogue: the filters are set, and the list read, once it is here.
catalogue.then(() => {
  const codes = document.getElementById('code');
  for (const c of Object.values(CATALOGUE.codes)) codes.appendChild(el('option', { value: c.code }, c.title));
  const asked = params.get('code');
  if (asked && !CATALOGUE.codes[asked]) codes.appendChild(el('option', { value: asked }, asked));
  for (const f of FILTERS) if (params.get(f)) document.getElementById(f).value = params.get(f);
  loadList();
});

function query() {
  const q = new URLSearchParams();
  for (const f of FILTERS) {
    const v = document.getElementById(f).value.trim();
    if (v && !(f === 'sort' && v === 'NEWEST_FIRST')) q.set(f, v);
  }
  return q.toString();
}

async function loadList() {
  const q = query();
  document.getElementById('export').setAttribute('href', '/api/submissions.xlsx' + (q ? '?' + q : ''));
  const count = document.getElementById('count');
  const tbody = clear(document.getElementById('list').tBodies[0]);
  count.textContent = '正在读取…';
  try {
    const { body } = await getJson('api/submissions' + (q ? '?' + q : ''));
    count.textContent = '共 ' + body.count + ' 份';
    for (const s of body.submissions) tbody.appendChild(row(s));
  } catch (e) {
    count.textContent = e.message;
  }
}

function row(s) {
  const checked = s.outcome === 'CHECKED';
  // Green only for a report read whole and without errors or warnings.
  const cls = !checked ? 'failed' : s.errors > 0 ? 'has-errors' : s.partlyRead || s.warnings > 0 ? 'partly' : 'checked';
  const link = el('a', { href: 'submission.html?id=' + s.id }, '#' + s.id);
  return el('tr', { class: cls },
    el('td', {}, link), el('td', {}, when(s.submittedAt)), el('td', {}, text(s.region)), el('td', {}, text(s.year)),
    el('td', {}, kindLabel(s.kind)), el('td', {}, text(s.project)), el('td', {}, text(s.department)),
    el('td', { class: 'num' }, checked ? s.errors : ''), el('td', { class: 'num' }, checked ? s.warnings : ''),
    el('td', { class: 'num' }, percent(s.executionRate)), el('td', { class: 'num' }, text(s.totalScore)),
    el('td', { class: s.partlyRead ? 'partly' : null }, checked ? (s.partlyRead ? '未完整读取' : '完整') : ''),
    el('td', {}, checked ? s.statusName : s.outcomeName + '：' + s.reason),
    el('td', {}, text(s.fileName)));
}
