'use strict';
// The dashboard of a period: counts by review status and outcome (each a link to the list so
// filtered), and bar charts of the execution rate and total score bands, the finding codes and
// the regions. The bars are drawn as plain elements with their numbers written beside them, so a
// screen reader reads the figures and nothing is loaded from elsewhere.

document.getElementById('top').appendChild(nav('dashboard.html'));
const dashParams = new URLSearchParams(location.search);
for (const f of ['year', 'region']) if (dashParams.get(f)) document.getElementById(f).value = dashParams.get(f);
document.getElementById('period').addEventListener('submit', (event) => {
  event.preventDefault();
  loadDashboard();
});
loadDashboard();

function periodQuery() {
  const q = new URLSearchParams();
  for (const f of ['year', 'region']) {
    const v = document.getElementById(f).value.trim();
    if (v) q.set(f, v);
  }
  return q.toString();
}

async function loadDashboard() {
  const message = document.getElementById('message');
  const q = periodQuery();
  history.replaceState(null, '', 'dashboard.html' + (q ? '?' + q : ''));
  message.textContent = '正在统计…';
  try {
    const { body } = await getJson('api/dashboard' + (q ? '?' + q : ''));
    await catalogue;
    message.textContent = '共 ' + body.submissions + ' 份提交';
    const cards = clear(document.getElementById('cards'));
    const names = { PENDING: '待审', RETURNED: '退回', APPROVED: '通过' };
    for (const [k, n] of Object.entries(body.byStatus)) cards.appendChild(card(names[k], n, 'status=' + encodeURIComponent(names[k])));
    const outcomes = { FAILED: '无法读取', DUPLICATE: '重复提交' };
    for (const [k, label] of Object.entries(outcomes)) cards.appendChild(card(label, body.byOutcome[k] || 0, 'outcome=' + k));
    bars('rates', body.executionRate.map((b) => [b.band, b.count]));
    bars('scores', body.totalScore.map((b) => [b.band, b.count]));
    bars('codes', Object.entries(body.byFinding).sort((a, b) => b[1] - a[1]).map(([c, n]) => [findingLabel(c), n]));
    bars('regions', Object.entries(body.byRegion).sort((a, b) => b[1] - a[1]).map(([r, n]) => [r, n, 'region=' + encodeURIComponent(r)]));
  } catch (e) {
    message.textContent = e.message;
  }
}

function card(label, count, filter) {
  const extra = periodQuery();
  return el('a', { class: 'card', href: 'review.html?' + filter + (extra ? '&' + extra : '') },
    el('span', { class: 'card-count' }, String(count)), el('span', {}, label));
}

function bars(id, rows) {
  const box = clear(document.getElementById(id));
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const list = el('ul', { class: 'bars' });
  for (const [label, n, filter] of rows) {
    const bar = el('span', { class: 'bar', style: null });
    bar.style.width = (100 * n / max) + '%';
    const name = filter ? el('a', { href: 'review.html?' + filter }, label) : el('span', {}, label);
    list.appendChild(el('li', {}, el('span', { class: 'bar-label' }, name), el('span', { class: 'bar-track' }, bar),
      el('span', { class: 'bar-count' }, String(n))));
  }
  if (rows.length === 0) list.appendChild(el('li', { class: 'muted' }, '无'));
  box.appendChild(list);
}
