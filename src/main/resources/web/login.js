'use strict';
// Login: the service's CSRF token is taken from /api/me first; after login, back to the page the
// user came from (a path of this site only).

document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.getElementById('status');
  status.textContent = '正在登录…';
  try {
    await whoAmI();
    await getJson('api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: document.getElementById('name').value,
        password: document.getElementById('password').value,
      }),
    });
    const next = new URLSearchParams(location.search).get('next') || '/review.html';
    location.href = /^\/[a-z]+\.html$/.test(next) ? next : '/review.html';
  } catch (e) {
    status.textContent = e.message;
  }
});
