'use strict';
// Users and their roles (管理 only): the list, and a form to add one.

document.getElementById('top').appendChild(nav('users.html'));
document.getElementById('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = document.getElementById('message');
  try {
    const { body } = await getJson('api/users', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: document.getElementById('name').value, role: document.getElementById('role').value,
        password: document.getElementById('password').value }),
    });
    message.textContent = '已添加用户 ' + body.name;
    document.getElementById('password').value = '';
    loadUsers();
  } catch (e) {
    message.textContent = e.message;
  }
});
loadUsers();

async function loadUsers() {
  const tbody = clear(document.getElementById('users').tBodies[0]);
  try {
    const { body } = await getJson('api/users');
    const roles = { CLERK: '经办', REVIEWER: '审核', ADMIN: '管理' };
    for (const u of body) tbody.appendChild(el('tr', {}, el('td', {}, u.name), el('td', {}, roles[u.role] || u.role), el('td', {}, when(u.createdAt))));
  } catch (e) {
    document.getElementById('message').textContent = e.message;
  }
}
