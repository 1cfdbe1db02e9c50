'use strict';
// Upload page: each chosen file is posted on its own (at most PARALLEL at once) and its row shows
// waiting → checking → the outcome, with a link to the report.

const PARALLEL = 3;

document.getElementById('top').appendChild(nav('index.html'));
document.getElementById('files').addEventListener('change', (event) => {
  const files = Array.from(event.target.files);
  event.target.value = '';
  uploadAll(files);
});
loadReports();

async function uploadAll(files) {
  const table = document.getElementById('uploads');
  table.hidden = false;
  const rows = files.map((file) => {
    const status = el('td', { class: 'status' }, '等待上传');
    const result = el('td', {});
    const row = el('tr', {}, el('td', {}, file.name), status, result);
    table.tBodies[0].prepend(row);
    return { file, row, status, result };
  });
  const queue = rows.slice();
  async function worker() {
    while (queue.length > 0) await uploadOne(queue.shift());
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker));
  loadReports();
}

async function uploadOne(item) {
  await catalogue;
  item.status.textContent = '检查中…';
  item.row.className = 'busy';
  const form = new FormData();
  form.append('file', item.file, item.file.name);
  try {
    const { body } = await getJson('api/reports', { method: 'POST', body: form });
    showOutcome(item, body);
  } catch (e) {
    item.row.className = 'failed';
    item.status.textContent = '失败';
    item.result.appendChild(el('span', {}, e.message));
  }
}

function showOutcome(item, body) {
  clear(item.result);
  if (body.outcome === 'DUPLICATE' && !body.report) {
    // The same content is being checked right now under another name.
    item.row.className = 'checked';
    item.status.textContent = '重复提交';
    item.result.appendChild(el('span', {}, body.message));
  } else if (body.outcome === 'CHECKED' || body.outcome === 'DUPLICATE') {
    const findings = body.report.findings || [];
    const errors = findings.filter((f) => f.severity === 'ERROR').length;
    const partly = partlyRead(body.report);
    // Only a report read whole and without errors gets the green bar.
    item.row.className = errors > 0 ? 'has-errors' : partly ? 'partly' : 'checked';
    item.status.textContent = body.outcome === 'DUPLICATE' ? '重复提交' : '已检查';
    item.result.appendChild(el('span', { class: 'finding-count' },
      (partly ? CATALOGUE.partlyRead + '，' : '')
      + (findings.length === 0 ? '未发现问题' : '发现 ' + findings.length + ' 个问题（错误 ' + errors + '）')));
    item.result.appendChild(document.createTextNode(' '));
    item.result.appendChild(reportLink(body.id, '查看报告'));
    if (body.message) item.result.appendChild(el('div', { class: 'muted' }, body.message));
  } else {
    item.row.className = 'failed';
    item.status.textContent = '无法检查';
    item.result.appendChild(el('span', {}, body.error || '未知错误'));
  }
}

async function loadReports() {
  const tbody = document.getElementById('reports').tBodies[0];
  try {
    const { body } = await getJson('api/reports?limit=1000');
    await catalogue;
    clear(tbody);
    document.getElementById('report-count').textContent = '共 ' + body.total + ' 份';
    for (const r of body.reports) {
      tbody.appendChild(el('tr', { class: r.errors > 0 ? 'has-errors' : r.partlyRead ? 'partly' : null },
        el('td', {}, text(r.region)), el('td', {}, text(r.year)), el('td', {}, kindLabel(r.kind)),
        el('td', {}, reportLink(r.id, r.project || r.file)), el('td', { class: 'num' }, r.errors),
        el('td', { class: 'num' }, r.warnings), el('td', {}, (r.partlyRead ? CATALOGUE.partlyRead + '；' : '') + r.findingCodes.map(findingLabel).join('、')),
        el('td', {}, text(r.storedName))));
    }
  } catch (e) {
    clear(tbody).appendChild(el('tr', {}, el('td', { colspan: 8 }, e.message)));
  }
}
