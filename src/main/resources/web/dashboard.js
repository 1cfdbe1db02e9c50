'use strict';
// The dashboard of a period: counts by review status and outcome (each a link to the list so
// filtered), the distributions of execution rate and total score as bar charts (uPlot, served by
// the service from its WebJar), and the finding codes and regions as bars of plain elements.
// Every chart has its figures beside it in a table whose cells link to the same filtered list: the
// canvas is hidden from screen readers, which read the table, and keyboard users follow its links;
// a click on a chart's bar opens the list filtered to that band, in the same period.

document.getElementById('top').appendChild(nav('dashboard.html'));
/** Height of a distribution chart in CSS pixels; its width follows the page. */
const CHART_HEIGHT = 200;
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

/** The list filtered by one more condition, in the dashboard's period (its region wins over the period's). */
function listLink(name, value) {
  const q = new URLSearchParams(periodQuery());
  q.set(name, value);
  return 'review.html?' + q.toString();
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
    for (const [k, n] of Object.entries(body.byStatus)) cards.appendChild(card(names[k], n, listLink('status', names[k])));
    const outcomes = { FAILED: '无法读取', DUPLICATE: '重复提交' };
    for (const [k, label] of Object.entries(outcomes)) cards.appendChild(card(label, body.byOutcome[k] || 0, listLink('outcome', k)));
    distribution('rates', '执行率分布', '执行率（%）', body.executionRate.map((b) => [b.band, b.count, listLink('rate', b.from), b.tick]));
    distribution('scores', '总分分布', '总分（分）', body.totalScore.map((b) => [b.band, b.count, listLink('score', b.from), b.tick]));
    bars('codes', Object.entries(body.byFinding).sort((a, b) => b[1] - a[1]).map(([c, n]) => [findingLabel(c), n, listLink('code', c)]));
    bars('regions', Object.entries(body.byRegion).sort((a, b) => b[1] - a[1]).map(([r, n]) => [r, n, listLink('region', r)]));
  } catch (e) {
    message.textContent = e.message;
  }
}

function card(label, count, href) {
  return el('a', { class: 'card', href }, el('span', { class: 'card-count' }, String(count)), el('span', {}, label));
}

/** A band chart and its figures: rows of [band label, count, link to the list of that band, label under the bar]. */
function distribution(id, title, axis, rows) {
  const box = clear(document.getElementById(id));
  const plot = el('div', { class: 'chart', 'aria-hidden': 'true' });
  box.appendChild(plot);
  box.appendChild(figures(title, rows));
  drawBars(plot, axis, rows);
}

function figures(title, rows) {
  const body = el('tbody', {}, rows.map(([label, n, href]) =>
    el('tr', {}, el('th', { scope: 'row' }, el('a', { href }, label)), el('td', { class: 'num' }, String(n)))));
  return el('table', { class: 'grid figures' }, el('caption', {}, title + '（份数）'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '分段'), el('th', { scope: 'col' }, '份数'))), body);
}

function drawBars(box, axis, rows) {
  const xs = rows.map((_, i) => i);
  const counts = rows.map((r) => r[1]);
  const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
  const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim();
  const font = '12px sans-serif';
  const size = () => ({ width: Math.max(1, box.clientWidth), height: CHART_HEIGHT });
  const chart = new uPlot({
    ...size(),
    legend: { show: false },
    select: { show: false },
    cursor: { y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
    scales: {
      // Bars at 0 … n-1 with half a bar's room at either end.
      x: { time: false, range: [-0.5, rows.length - 0.5] },
      y: { range: [0, Math.max(1, ...counts) * 1.15] },
    },
    axes: [
      { stroke: ink, font, grid: { show: false }, ticks: { show: false }, size: 24, label: axis, labelFont: font, labelSize: 18,
        splits: () => xs, values: (u, splits) => splits.map((i) => (rows[i] ? rows[i][3] : '')) },
      // Counts of reports: whole steps only.
      { stroke: ink, font, size: 36, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
        values: (u, splits) => splits.map((v) => String(v)) },
    ],
    series: [{}, { label: '份数', fill: accent, stroke: accent, width: 0, points: { show: false },
      paths: uPlot.paths.bars({ size: [0.7, 80] }) }],
  }, [xs, counts], box);
  chart.over.classList.add('clickable');
  chart.over.addEventListener('click', () => {
    const i = chart.cursor.idx;
    if (i !== null && i !== undefined && rows[i]) location.href = rows[i][2];
  });
  new ResizeObserver(() => chart.setSize(size())).observe(box);
}

function bars(id, rows) {
  const box = clear(document.getElementById(id));
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const list = el('ul', { class: 'bars' });
  for (const [label, n, href] of rows) {
    const bar = el('span', { class: 'bar' });
    bar.style.width = (100 * n / max) + '%';
    list.appendChild(el('li', {}, el('span', { class: 'bar-label' }, el('a', { href }, label)),
      el('span', { class: 'bar-track' }, bar), el('span', { class: 'bar-count' }, String(n))));
  }
  if (rows.length === 0) list.appendChild(el('li', { class: 'muted' }, '无'));
  box.appendChild(list);
}
