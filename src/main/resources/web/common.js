'use strict';
// Shared by the pages. Every text from a report or a server message goes into the page through
// textContent (el() below); nothing is ever parsed as HTML.

const FINDING_LABELS = {
  EXECUTION_RATE_MISMATCH: '执行率计算不符',
  EXECUTION_SCORE_MISMATCH: '执行得分不符',
  INDICATOR_SCORE_MISMATCH: '指标得分不符',
  TOTAL_SCORE_MISMATCH: '总分不符',
  BUDGET_ITEMS_SUM_MISMATCH: '项目概算合计不符',
  FUND_SOURCES_SUM_MISMATCH: '资金来源合计不符',
  PRIOR_YEAR_MISMATCH: '上年度资金使用不符',
  NARRATIVE_MISMATCH: '文字与表格不一致',
  DUPLICATE_INDICATOR: '指标重复',
  MISCLASSIFIED_INDICATOR: '指标归类不当',
  TARGET_TOO_LOW: '目标值偏低',
  MISSING_BENEFIT_INDICATORS: '缺少效益指标',
  VAGUE_TARGET: '目标不可衡量',
  WEIGHT_SUM_MISMATCH: '分值合计不为100',
  NO_INDICATORS: '未读出指标表'
};
const KIND_LABELS = { SELF_EVALUATION: '绩效自评', TARGET_DECLARATION: '目标申报' };
const SEVERITY_LABELS = { ERROR: '错误', WARNING: '警告', INFO: '提示' };

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
  return FINDING_LABELS[code] || code;
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
