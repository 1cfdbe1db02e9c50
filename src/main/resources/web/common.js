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

/** Fetches JSON; a failed request throws an Error with the server's Chinese message. */
async function getJson(url, options) {
  const response = await fetch(url, options);
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
  const items = [['index.html', '上传与报告'], ['search.html', '检索']];
  return el('nav', {}, el('span', { class: 'brand' }, '绩效报告检查'),
    items.map(([href, label]) => el('a', { href, class: href === active ? 'active' : null }, label)));
}
