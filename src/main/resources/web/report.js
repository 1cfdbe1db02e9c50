'use strict';
// Report page: header, funds, the indicator table as extracted with each finding marked on its
// row, the findings with expected vs reported, and a link to the original file.

const FUND_FIELDS = [
  ['initialBudget', '年初预算数（万元）'], ['adjustedBudget', '调整后预算数（万元）'], ['executed', '执行数（万元）'],
  ['executionRate', '执行率（%）'], ['executionWeight', '执行率分值'], ['executionScore', '执行率得分'],
  ['totalAmount', '项目总金额（万元）'], ['currentYearAmount', '本年度项目金额（万元）'],
  ['sourcesTotal', '资金来源合计所对应的总额（万元）']
];

// The submission page (submission.js) draws the same report with the review actions beside it.
const ON_REPORT_PAGE = document.body.dataset.page === 'report.html';
if (ON_REPORT_PAGE) {
  document.getElementById('top').appendChild(nav(''));
  load();
}

async function load() {
  const id = new URLSearchParams(location.search).get('id') || '';
  const message = document.getElementById('message');
  if (!/^[0-9a-f]{64}$/.test(id)) {
    message.textContent = '地址中缺少有效的报告编号。';
    return;
  }
  try {
    const { body } = await getJson('api/reports/' + id);
    await catalogue;
    message.textContent = '';
    render(body);
  } catch (e) {
    message.textContent = e.message;
  }
}

function findingsBySubject(findings) {
  const map = new Map();
  for (const f of findings) {
    if (!map.has(f.subject)) map.set(f.subject, []);
    map.get(f.subject).push(f);
  }
  return map;
}

function marks(list) {
  if (!list || list.length === 0) return null;
  return list.map((f) => el('span', { class: 'mark ' + f.severity.toLowerCase(), title: f.message }, findingLabel(f.code)));
}

function render(r) {
  const project = r.project || {};
  document.getElementById('title').textContent = project.name || r.title || r.source.file;
  document.title = '绩效报告检查 · ' + (project.name || r.source.file);
  const bySubject = findingsBySubject(r.findings || []);

  const header = document.getElementById('header').tBodies[0];
  const rows = [
    ['类型', kindLabel(r.kind)], ['年度', r.year], ['地区', r.region ? r.region + (r.regionCode ? '（' + r.regionCode + '）' : '') : ''],
    ['项目名称', project.name], ['主管部门', project.department], ['实施单位', project.implementingUnit],
    ['标题', r.title], ['总分', r.totalScore], ['文件', r.source.file], ['SHA-256', r.source.sha256]
  ];
  for (const [label, value] of rows) {
    const subjectMarks = label === '总分' ? marks(bySubject.get('totalScore')) : null;
    header.appendChild(el('tr', { class: subjectMarks ? 'flagged' : null }, el('th', {}, label), el('td', {}, text(value), ' ', subjectMarks)));
  }
  if (ON_REPORT_PAGE) {
    header.appendChild(el('tr', {}, el('th', {}, '原始文件'),
      el('td', {}, el('a', { href: '/api/reports/' + r.source.sha256 + '/original', id: 'original-link' }, '下载原始文件'))));
  }
  document.getElementById('header-section').hidden = false;

  renderFindings(r);
  renderFunds(r.funds || {}, bySubject);
  renderIndicators(r.indicators || [], bySubject);
  renderBudget(r.budgetItems || [], bySubject);
}

function renderFindings(r) {
  const findings = r.findings || [];
  const tbody = document.getElementById('findings').tBodies[0];
  const partly = partlyRead(r);
  const count = document.getElementById('finding-count');
  // A report read in part is never "no problem found": what was not read was not checked.
  count.textContent = (partly ? CATALOGUE.partlyRead + '，' : '') + (findings.length === 0 ? '未发现问题' : '共 ' + findings.length + ' 个');
  count.className = partly ? 'partly' : 'muted';
  document.getElementById('skipped').hidden = (r.skippedChecks || []).length === 0;
  const skipped = clear(document.getElementById('skipped-list'));
  for (const s of r.skippedChecks || []) skipped.appendChild(el('li', {}, s));
  findings.forEach((f, i) => {
    // On the submission page a reviewer's decision cell follows, and the place opens the original
    // beside the report (typeof: only that page defines them).
    const action = typeof findingAction === 'function' ? findingAction(f, i) : null;
    tbody.appendChild(el('tr', { class: 'finding ' + f.severity.toLowerCase() },
      el('td', {}, severityLabel(f.severity)), el('td', {}, findingLabel(f.code), el('div', { class: 'muted code' }, f.code)),
      el('td', {}, subjectLabel(f.subject)), el('td', {}, text(f.message)), el('td', { class: 'num' }, figure(f.subject, f.expected)),
      el('td', { class: 'num' }, figure(f.subject, f.reported)), el('td', {}, typeof findingPlace === 'function' ? findingPlace(f, i) : where(f.location)), action));
  });
  document.getElementById('findings-section').hidden = false;
}

/** A finding's figure in its unit: a rate as a percentage, an amount of money with separators. */
function figure(subject, v) {
  if (v === null || v === undefined) return '';
  if (/[Rr]ate$/.test(subject || '')) return percent(v);
  if (/^(initialBudget|adjustedBudget|executed|totalAmount|currentYearAmount|sourcesTotal|budgetItems)$/.test(subject || '')) return money(v);
  return text(v);
}

/** Where a figure stands, in the words of Location.describe(): page, line, table row and column, prose offsets. */
function where(l) {
  if (!l) return '';
  const parts = [];
  if (l.page) parts.push('第 ' + l.page + ' 页');
  if (l.line) parts.push('第 ' + l.line + ' 行');
  if (l.row) parts.push('表格第 ' + l.row + ' 行');
  if (l.column) parts.push('第 ' + l.column + ' 列');
  if (l.start !== null && l.start !== undefined) parts.push('正文第 ' + (l.start + 1) + '–' + (l.end || l.start + 1) + ' 字');
  return parts.join(' ');
}

function renderFunds(funds, bySubject) {
  const tbody = document.getElementById('funds').tBodies[0];
  for (const [field, label] of FUND_FIELDS) {
    const value = funds[field];
    const m = marks(bySubject.get(field));
    if ((value === null || value === undefined) && !m) continue;
    const shown = field === 'executionRate' ? percent(value) : label.includes('万元') ? money(value) : text(value);
    tbody.appendChild(el('tr', { class: m ? 'flagged' : null }, el('th', {}, label), el('td', { class: 'num' }, shown, ' ', m)));
  }
  const prior = funds.priorYear;
  if (prior) {
    const m = marks(bySubject.get('priorYear'));
    tbody.appendChild(el('tr', { class: m ? 'flagged' : null }, el('th', {}, '上年度资金使用'),
      el('td', {}, '预算 ' + text(prior.budget) + '，已使用 ' + text(prior.used) + '，结余 ' + text(prior.balance) + '，使用率 ' + text(prior.useRate) + '%', ' ', m)));
  }
  if (funds.sources && funds.sources.length > 0) {
    const m = marks(bySubject.get('sources'));
    tbody.appendChild(el('tr', { class: m ? 'flagged' : null }, el('th', {}, '资金来源'),
      el('td', {}, funds.sources.map((s) => text(s.name) + ' ' + text(s.amount)).join('；'), ' ', m)));
  }
  document.getElementById('funds-section').hidden = tbody.rows.length === 0;
}

function renderIndicators(indicators, bySubject) {
  const tbody = document.getElementById('indicators').tBodies[0];
  for (const i of indicators) {
    const m = marks(bySubject.get(i.name));
    tbody.appendChild(el('tr', { class: m ? 'flagged' : null },
      el('td', {}, text(i.level1)), el('td', {}, text(i.level2)), el('td', {}, text(i.name)),
      el('td', {}, text(i.target)), el('td', {}, text(i.actual)), el('td', { class: 'num' }, text(i.weight)),
      el('td', { class: 'num' }, text(i.score)), el('td', {}, m)));
  }
  const general = ['indicators', 'weights'].flatMap((s) => bySubject.get(s) || []);
  if (general.length > 0) {
    tbody.appendChild(el('tr', { class: 'flagged' }, el('td', { colspan: 7 }, general.map((f) => f.message).join('；')), el('td', {}, marks(general))));
  }
  document.getElementById('indicators-section').hidden = tbody.rows.length === 0;
}

function renderBudget(items, bySubject) {
  const tbody = document.getElementById('budget').tBodies[0];
  for (const b of items) {
    tbody.appendChild(el('tr', {}, el('td', {}, text(b.name)), el('td', { class: 'num' }, money(b.amount)), el('td', {}, text(b.purpose))));
  }
  const m = marks(bySubject.get('budgetItems'));
  if (m) tbody.appendChild(el('tr', { class: 'flagged' }, el('td', { colspan: 2 }, '合计与总额不符'), el('td', {}, m)));
  document.getElementById('budget-section').hidden = tbody.rows.length === 0;
}
