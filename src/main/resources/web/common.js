'use strict';
// Shared by the pages. Every text from a report or a server message goes into the page through
// textContent (el() below); nothing is ever parsed as HTML.

// Finding titles, severity words and field names come from the server's one catalogue
// (GET api/finding-codes); the pages keep no list of their own. Pages await `catalogue` before
// they draw anything that names a finding.
const CATALOGUE = { codes: {}, severities: {}, fields: {}, partlyRead: '' };
const catalogue = getJson('api/finding-codes').then(({ body }) => {
  for (const c of body.codes) CATALOGUE.codes[c.code] = c;
  CATALOGUE.severities = body.severities;
  CATALOGUE.fields = body.fields;
  CATALOGUE.partlyRead = body.partlyRead;
  return CATALOGUE;
}).catch(() => CATALOGUE);
const KIND_LABELS = { SELF_EVALUATION: '绩效自评', TARGET_DECLARATION: '目标申报' };

/** el('td', {class: 'x'}, 'text', child, ...): an element whose text children are text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'href') node.setAttribute('href', safeHref(v));
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Only links to this site (relative paths); anything else becomes '#'. */
function safeHref(v) {
  const s = String(v);
  return /^(\/|\.\/|[a-z]+\.html)/.test(s) && !s.startsWith('//') ? s : '#';
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function text(v) {
  return v === null || v === undefined ? '' : String(v);
}

function findingLabel(code) {
  const c = CATALOGUE.codes[code];
  return c ? c.title : text(code);
}

function severityLabel(severity) {
  return CATALOGUE.severities[severity] || text(severity);
}

/** A finding's subject in Chinese when it names a report field (executionRate → 执行率). */
function subjectLabel(subject) {
  return CATALOGUE.fields[subject] || text(subject);
}

/**
 * A report with a section the form should have and that was not read: never shown as clean.
 * The same rule as the server's ReadState.partlyRead (coverage, or a SECTION_NOT_READ finding).
 */
function partlyRead(report) {
  return (report.coverage || []).some((c) => c.expected && (!c.found || c.rowsRead === 0))
    || (report.findings || []).some((f) => f.code === 'SECTION_NOT_READ');
}

function kindLabel(kind) {
  return KIND_LABELS[kind] || text(kind);
}

/** The page's CSRF token: the cookie the service set, sent back in a header on every change. */
function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** Who is logged in ({loggedIn, name, roleName, mayReview, mayAdminister}); also sets the token cookie. */
let me = null;
async function whoAmI() {
  if (!me) me = getJson('api/me').then(({ body }) => body);
  return me;
}

/** Fetches JSON; a failed request throws an Error with the server's Chinese message. */
async function getJson(url, options) {
  const opts = Object.assign({ credentials: 'same-origin' }, options || {});
  if (opts.method && opts.method !== 'GET') {
    opts.headers = Object.assign({}, opts.headers || {}, { 'X-XSRF-TOKEN': csrfToken() });
  }
  const response = await fetch(url, opts);
  if (response.status === 401 && !location.pathname.endsWith('login.html')) {
    location.href = '/login.html?next=' + encodeURIComponent(location.pathname);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok && !(body && body.outcome)) {
    throw new Error(body && body.error ? body.error : '请求失败（HTTP ' + response.status + '）');
  }
  return { status: response.status, body };
}

function reportLink(id, label) {
  return el('a', { href: 'report.html?id=' + encodeURIComponent(id) }, label);
}

function nav(active) {
  const items = [['dashboard.html', '看板'], ['review.html', '审核'], ['index.html', '上传'], ['search.html', '检索']];
  const user = el('span', { class: 'user' });
  whoAmI().then((who) => {
    if (!who || !who.loggedIn) return;
    user.appendChild(document.createTextNode(who.name + '（' + who.roleName + '）'));
    if (!who.anonymous) {
      user.appendChild(el('button', { type: 'button', class: 'link', onclick: logout }, '退出'));
    }
  }).catch(() => {});
  return el('nav', { 'aria-label': '主导航' }, el('span', { class: 'brand' }, '绩效报告检查'),
    items.map(([href, label]) => el('a', { href, class: href === active ? 'active' : null,
      'aria-current': href === active ? 'page' : null }, label)), user);
}

async function logout() {
  await getJson('api/logout', { method: 'POST' });
  location.href = '/login.html';
}

/** Money as reviewers read it: thousands separators, two decimals (2,329.60). */
function money(v) {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : text(v);
}

/** A percentage as printed (91.81 %). */
function percent(v) {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + '%' : text(v);
}

/** A time as a reviewer reads it: 2026-03-01 16:00 in the browser's time zone. */
function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return text(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}
