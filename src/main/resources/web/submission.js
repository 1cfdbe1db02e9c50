'use strict';
// A submission as a reviewer works on it: the report (drawn by report.js), the review conclusion
// with its opinion, a decision (确认 / 忽略 with a reason) on each finding, what changed since the
// predecessor, the audit trail, and links to the original and the printable 审核意见. The original
// stands beside the report: a PDF's pages as images drawn by the service, and a finding's place
// (clicked) shows its page with the figure marked; Word, Excel and text files keep the download
// link with a note.

document.getElementById('top').appendChild(nav('review.html'));
const submissionId = new URLSearchParams(location.search).get('id') || '';
let decisions = {};
let mayReview = false;
loadSubmission();

async function loadSubmission() {
  const message = document.getElementById('message');
  if (!/^[1-9][0-9]*$/.test(submissionId)) {
    message.textContent = '地址中缺少有效的提交编号。';
    return;
  }
  try {
    const [who, { body }] = await Promise.all([whoAmI(), getJson('api/submissions/' + submissionId)]);
    mayReview = !!(who && who.mayReview);
    await catalogue;
    message.textContent = '';
    draw(body);
  } catch (e) {
    message.textContent = e.message;
  }
}

function draw(body) {
  const s = body.submission;
  decisions = body.decisions || {};
  clear(document.getElementById('findings').tBodies[0]);
  clear(document.getElementById('header').tBodies[0]);
  clear(document.getElementById('funds').tBodies[0]);
  clear(document.getElementById('indicators').tBodies[0]);
  clear(document.getElementById('budget').tBodies[0]);
  if (body.report) {
    render(body.report);
  } else {
    document.getElementById('title').textContent = s.fileName;
    document.getElementById('message').textContent = s.outcomeName + '：' + s.reason;
  }
  const status = document.getElementById('status');
  status.textContent = s.outcome === 'CHECKED' ? s.statusName : s.outcomeName;
  status.className = 'status ' + (s.outcome === 'CHECKED' ? s.status.toLowerCase() : 'failed');
  const links = clear(document.getElementById('review-links'));
  links.appendChild(el('a', { href: '/api/submissions/' + s.id + '/original' }, '下载原始文件'));
  if (s.outcome === 'CHECKED') {
    links.appendChild(document.createTextNode(' · '));
    links.appendChild(el('a', { href: 'print.html?id=' + s.id }, '打印审核意见'));
  }
  links.appendChild(document.createTextNode(' · 第 ' + s.id + ' 号提交，' + s.submitter + ' 于 ' + when(s.submittedAt) + ' 提交'));
  document.getElementById('review-form').hidden = !(mayReview && s.outcome === 'CHECKED');
  document.getElementById('review-section').hidden = false;
  if (viewer.submission !== s.id) loadOriginal(s);
  drawHistory(body.predecessor);
  drawProject(s, body.history || [], body.lastYear);
  drawAudit(body.audit || []);
}

/** The decision cell of finding i (report.js calls it for each row). */
function findingAction(f, i) {
  const key = i + ':' + f.code;
  const d = decisions[key];
  const cell = el('td', { class: 'decision' });
  if (d) cell.appendChild(el('div', { class: d.decision === 'CONFIRMED' ? 'confirmed' : 'dismissed' },
    d.decisionName + (d.reason ? '：' + d.reason : '') + '（' + d.decidedBy + '）'));
  if (mayReview) {
    const reason = el('input', { type: 'text', 'aria-label': '忽略的理由', placeholder: '忽略的理由' });
    cell.appendChild(el('button', { type: 'button', onclick: () => decide(key, '确认', '') }, '确认'));
    cell.appendChild(reason);
    cell.appendChild(el('button', { type: 'button', onclick: () => decide(key, '忽略', reason.value) }, '忽略'));
  }
  return cell;
}

async function decide(key, decision, reason) {
  const status = document.getElementById('review-status');
  try {
    const { body } = await getJson('api/submissions/' + submissionId + '/decisions', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ finding: key, decision, reason }),
    });
    status.textContent = '已' + decision + '问题 ' + key;
    draw(body);
  } catch (e) {
    status.textContent = e.message;
  }
}

document.getElementById('review-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = document.querySelector('input[name=status]:checked');
  const status = document.getElementById('review-status');
  if (!chosen) {
    status.textContent = '请选择审核结论';
    return;
  }
  try {
    await getJson('api/submissions/' + submissionId + '/review', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: chosen.value, opinion: document.getElementById('opinion').value }),
    });
    status.textContent = '已提交：' + chosen.value;
    loadSubmission();
  } catch (e) {
    status.textContent = e.message;
  }
});

function drawHistory(p) {
  const section = document.getElementById('history-section');
  section.hidden = !p;
  if (!p) return;
  const s = p.submission;
  clear(document.getElementById('predecessor')).appendChild(el('span', {}, '上次提交：',
    el('a', { href: 'submission.html?id=' + s.id }, '第 ' + s.id + ' 号（' + s.fileName + '）'), '，' + s.statusName));
  const tbody = clear(document.getElementById('changes').tBodies[0]);
  const changes = (p.changes && p.changes.figures) || [];
  for (const c of changes) tbody.appendChild(el('tr', {}, el('td', {}, c.field), el('td', {}, text(c.before)), el('td', {}, text(c.after))));
  if (changes.length === 0) tbody.appendChild(el('tr', {}, el('td', { colspan: 3 }, '数字没有变化')));
  const list = clear(document.getElementById('finding-changes'));
  for (const [key, label] of [['resolved', '已改正'], ['added', '新出现'], ['remaining', '仍存在']]) {
    for (const f of (p.changes && p.changes[key]) || []) {
      list.appendChild(el('li', {}, label + '：' + findingLabel(f.code) + ' · ' + subjectLabel(f.subject)));
    }
  }
}

/** The project across years and resubmissions; for a declaration, its targets beside last year's results. */
function drawProject(current, history, lastYear) {
  const section = document.getElementById('project-section');
  section.hidden = history.length < 2 && !lastYear;
  const tbody = clear(document.getElementById('project-history').tBodies[0]);
  for (const h of history) {
    const here = h.id === current.id;
    tbody.appendChild(el('tr', { class: here ? 'current' : null, 'aria-current': here ? 'true' : null },
      el('td', {}, text(h.year)), el('td', {}, kindLabel(h.kind)),
      el('td', {}, here ? '#' + h.id + '（本份）' : el('a', { href: 'submission.html?id=' + h.id }, '#' + h.id), ' ', when(h.submittedAt)),
      el('td', {}, text(h.fileName)), el('td', { class: 'num' }, percent(h.executionRate)),
      el('td', { class: 'num' }, text(h.totalScore)), el('td', {}, h.statusName)));
  }
  const box = document.getElementById('last-year');
  box.hidden = !lastYear;
  if (!lastYear) return;
  document.getElementById('last-year-title').textContent = '本年目标与 ' + lastYear.submission.year + ' 年自评（#' + lastYear.submission.id + '）';
  const rows = clear(document.getElementById('last-year-table').tBodies[0]);
  for (const r of lastYear.indicators) {
    rows.appendChild(el('tr', {}, el('td', {}, r.name), el('td', {}, text(r.target)),
      el('td', {}, r.lastYearTarget === null ? '（上年无此指标）' : text(r.lastYearTarget)), el('td', {}, text(r.lastYearActual))));
  }
}

function drawAudit(events) {
  const tbody = clear(document.getElementById('audit').tBodies[0]);
  for (const e of events) {
    tbody.appendChild(el('tr', {}, el('td', {}, when(e.at)), el('td', {}, e.actor), el('td', {}, e.action), el('td', {}, e.detail)));
  }
  document.getElementById('audit-section').hidden = events.length === 0;
}

// ---- The original beside the report ----

const viewer = { submission: null, pages: 0, page: 0, shown: null };

/** The original's page count: pages to show for a PDF, a note for any other file. */
async function loadOriginal(s) {
  viewer.submission = s.id;
  const section = document.getElementById('original-section');
  section.hidden = false;
  try {
    const { body } = await getJson('api/submissions/' + s.id + '/pages');
    viewer.pages = body.pages;
    if (body.pages === 0) {
      note(body.note, true);
      return;
    }
    document.getElementById('page-number').max = String(body.pages);
    document.getElementById('pager').hidden = false;
    showPage(1, [], '点击“位置”一栏，查看问题数字所在的页面。');
  } catch (e) {
    note(e.message, true);
  }
}

function note(message, warn) {
  const p = document.getElementById('original-note');
  p.textContent = message || '';
  p.className = warn ? 'warn' : 'muted';
}

/** Shows page n with the rectangles (shares of the page) laid over it; the first is the likeliest place. */
function showPage(n, boxes, message, warn) {
  viewer.page = n;
  const img = document.getElementById('page-image');
  const src = 'api/submissions/' + viewer.submission + '/pages/' + n;
  if (img.getAttribute('src') !== src) img.setAttribute('src', src);
  img.alt = '原始文件第 ' + n + ' 页（共 ' + viewer.pages + ' 页）';
  document.getElementById('page-number').value = String(n);
  document.getElementById('page-total').textContent = '/ 共 ' + viewer.pages + ' 页';
  document.getElementById('page-prev').disabled = n <= 1;
  document.getElementById('page-next').disabled = n >= viewer.pages;
  const marks = clear(document.getElementById('page-marks'));
  boxes.forEach((b, i) => {
    const box = el('div', { class: 'highlight ' + b.kind + (i === 0 ? ' primary' : ''), title: b.text });
    box.style.left = (b.x * 100) + '%';
    box.style.top = (b.y * 100) + '%';
    box.style.width = (b.width * 100) + '%';
    box.style.height = (b.height * 100) + '%';
    marks.appendChild(box);
  });
  document.getElementById('page-figure').hidden = false;
  note(message, warn);
}

/** The place cell of finding i: a button that shows the figure in the original (report.js calls it). */
function findingPlace(f, i) {
  const place = where(f.location);
  return el('button', { type: 'button', class: 'finding-place', 'data-finding': String(i),
    title: '在原始文件中查看', onclick: () => showFinding(f, i) },
  place || '在原文中查找');
}

/** The finding's page with its figure marked (or its row label when the figure is not printed as such). */
async function showFinding(f, i) {
  const section = document.getElementById('original-section');
  for (const row of document.querySelectorAll('#findings tr.shown')) row.classList.remove('shown');
  const button = document.querySelector('#findings button[data-finding="' + i + '"]');
  if (button) button.closest('tr').classList.add('shown');
  if (viewer.pages === 0) {
    // No pages (Word, Excel, text, or not readable): the note says why; the place is in the table.
    section.scrollIntoView({ block: 'start' });
    return;
  }
  const l = f.location || {};
  const params = new URLSearchParams();
  if (l.page) params.set('page', String(l.page));
  if (f.reported !== null && f.reported !== undefined) params.set('figure', String(f.reported));
  // Where it was read: a figure printed both in a table and in a sentence is marked first there.
  if (l.row || l.column) params.set('in', 'table');
  else if (l.start !== null && l.start !== undefined) params.set('in', 'text');
  const label = subjectLabel(f.subject);
  if (label && !/^(indicators|weights|sources|budgetItems|priorYear)$/.test(f.subject || '')) params.set('label', label);
  note('正在查找…');
  try {
    if (!params.has('figure') && !params.has('label')) {
      showPage(l.page || viewer.page || 1, [], '此问题没有可标出的数字，已显示其所在页。');
    } else {
      const { body } = await getJson('api/submissions/' + viewer.submission + '/highlights?' + params.toString());
      const page = body.page || l.page || viewer.page || 1;
      const figures = body.boxes.filter((b) => b.kind === 'figure').length;
      const message = body.note || ('第 ' + page + ' 页：' + (figures > 0
        ? '已标出数字“' + body.boxes[0].text + '”' + (figures > 1 ? '（共 ' + figures + ' 处，粗框为最可能的一处）' : '')
        : '未找到数字，已标出“' + label + '”'));
      showPage(page, body.boxes, message, !!body.note);
    }
  } catch (e) {
    showPage(l.page || viewer.page || 1, [], e.message, true);
  }
  reveal();
}

/** Brings the marked place into view: the side panel scrolls on a wide screen, the page on a narrow one. */
function reveal() {
  const primary = document.querySelector('#page-marks .highlight.primary');
  const img = document.getElementById('page-image');
  const go = () => (primary || document.getElementById('original-section')).scrollIntoView({ block: 'center', inline: 'center' });
  if (img.complete) go(); else img.addEventListener('load', go, { once: true });
}

document.getElementById('page-prev').addEventListener('click', () => showPage(Math.max(1, viewer.page - 1), []));
document.getElementById('page-next').addEventListener('click', () => showPage(Math.min(viewer.pages, viewer.page + 1), []));
document.getElementById('page-zoom').addEventListener('click', (event) => {
  const zoomed = document.getElementById('page-figure').classList.toggle('zoomed');
  event.target.setAttribute('aria-pressed', String(zoomed));
  event.target.textContent = zoomed ? '缩小' : '放大';
  reveal();
});
document.getElementById('page-number').addEventListener('change', (event) => {
  const n = Number(event.target.value);
  if (Number.isInteger(n) && n >= 1 && n <= viewer.pages) showPage(n, []);
  else note('页码应在 1 到 ' + viewer.pages + ' 之间', true);
});
document.getElementById('page-image').addEventListener('error', () => {
  if (viewer.page > 0) note('第 ' + viewer.page + ' 页未能显示，请下载原始文件查看。', true);
});
