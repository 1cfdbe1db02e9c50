'use strict';
// The printable 审核意见 of one submission: the facts of the report, the latest conclusion with the
// reviewer's opinion, and the findings the reviewer confirmed (print.css: A4, no navigation).

const printId = new URLSearchParams(location.search).get('id') || '';
document.getElementById('print').addEventListener('click', () => window.print());
loadOpinion();

async function loadOpinion() {
  const message = document.getElementById('message');
  if (!/^[1-9][0-9]*$/.test(printId)) {
    message.textContent = '地址中缺少有效的提交编号。';
    return;
  }
  document.getElementById('back').setAttribute('href', 'submission.html?id=' + printId);
  try {
    const { body } = await getJson('api/submissions/' + printId);
    await catalogue;
    const s = body.submission;
    const r = body.report || {};
    const project = r.project || {};
    const facts = document.getElementById('facts').tBodies[0];
    for (const [label, value] of [['项目名称', project.name || s.project], ['地区', s.region], ['年度', s.year],
      ['类型', kindLabel(s.kind)], ['主管部门', project.department], ['文件', s.fileName], ['提交编号', '第 ' + s.id + ' 号']]) {
      facts.appendChild(el('tr', {}, el('th', {}, label), el('td', {}, text(value))));
    }
    const decided = (body.audit || []).filter((e) => e.action === '通过' || e.action === '退回');
    const last = decided[decided.length - 1];
    document.getElementById('conclusion').textContent = last
      ? last.action + (last.detail ? '。' + last.detail : '') : '尚未审核（' + s.statusName + '）';
    document.getElementById('reviewer').textContent = last ? last.actor : '';
    document.getElementById('date').textContent = last ? when(last.at).substring(0, 10) : '';
    const list = document.getElementById('confirmed');
    (r.findings || []).forEach((f, i) => {
      const d = (body.decisions || {})[i + ':' + f.code];
      if (d && d.decision === 'CONFIRMED') {
        list.appendChild(el('li', {}, findingLabel(f.code) + '（' + subjectLabel(f.subject) + '）：' + text(f.message)));
      }
    });
    if (list.children.length === 0) list.appendChild(el('li', {}, '无'));
  } catch (e) {
    message.textContent = e.message;
  }
}
