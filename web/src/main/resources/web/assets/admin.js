/*
 * The admin page: log in, list accounts, add one, disable or enable it, issue and revoke its API
 * tokens. Every value is put into the page as text (never parsed as HTML), and every write carries
 * the session's CSRF token, which lives only in this script's memory.
 */
(function () {
  'use strict';

  let csrfToken = null;

  function element(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function say(text, isError) {
    const message = document.getElementById('message');
    message.textContent = text || '';
    message.classList.toggle('error', Boolean(isError));
  }

  async function call(method, url, body) {
    const headers = {};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && csrfToken) {
      headers['X-CSRF-Token'] = csrfToken;
    }
    const response = await fetch(url, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (e) {
        // not a problem+json body: keep the status line
      }
      throw new Error(detail);
    }
    return response.status === 204 ? null : response.json();
  }

  function showLogin() {
    document.getElementById('login-section').hidden = false;
    document.getElementById('accounts-section').hidden = true;
    document.getElementById('who').textContent = '';
  }

  async function showAccounts(session) {
    csrfToken = session.csrfToken;
    document.getElementById('who').textContent = session.username + ' (' + session.role + ')';
    if (session.role !== 'admin') {
      say('只有管理员可以管理账户 Only an admin manages accounts', true);
      return;
    }
    document.getElementById('login-section').hidden = true;
    document.getElementById('accounts-section').hidden = false;
    await refresh();
  }

  async function refresh() {
    const accounts = await call('GET', '/admin/accounts');
    const body = document.querySelector('#accounts tbody');
    body.replaceChildren();
    for (const account of accounts) {
      const row = element('tr');
      row.dataset.username = account.username;
      row.classList.toggle('disabled', account.disabled);
      row.append(element('td', account.username), element('td', account.role), element('td', account.scopes.join(', ')),
        element('td', account.disabled ? '停用 disabled' : '启用 enabled'), element('td', account.created.slice(0, 10)));
      const actions = element('td');
      const toggle = element('button', account.disabled ? '启用 Enable' : '停用 Disable');
      toggle.className = 'toggle';
      toggle.addEventListener('click', () => act(async () => {
        await call('POST', '/admin/accounts/' + encodeURIComponent(account.username) + (account.disabled ? '/enable' : '/disable'));
        await refresh();
      }));
      const tokens = element('button', '令牌 Tokens');
      tokens.className = 'tokens';
      tokens.addEventListener('click', () => act(() => showTokens(account.username)));
      actions.append(toggle, ' ', tokens);
      row.append(actions);
      body.append(row);
    }
  }

  let tokensOf = null;

  async function showTokens(username) {
    tokensOf = username;
    document.getElementById('tokens-section').hidden = false;
    document.getElementById('tokens-of').textContent = username;
    document.getElementById('new-token').hidden = true;
    const tokens = await call('GET', '/admin/accounts/' + encodeURIComponent(username) + '/tokens');
    const body = document.querySelector('#tokens tbody');
    body.replaceChildren();
    for (const token of tokens) {
      const row = element('tr');
      row.append(element('td', token.id), element('td', token.label), element('td', token.created.slice(0, 10)),
        element('td', token.revoked ? '已撤销 revoked' : '有效 live'));
      const actions = element('td');
      if (!token.revoked) {
        const revoke = element('button', '撤销 Revoke');
        revoke.className = 'revoke';
        revoke.addEventListener('click', () => act(async () => {
          await call('DELETE', '/admin/tokens/' + token.id);
          await showTokens(username);
        }));
        actions.append(revoke);
      }
      row.append(actions);
      body.append(row);
    }
  }

  async function act(work) {
    say('');
    try {
      await work();
    } catch (e) {
      say(e.message, true);
    }
  }

  document.getElementById('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    act(async () => {
      const session = await call('POST', '/auth/login', { username: form.username.value, password: form.password.value });
      form.password.value = '';
      await showAccounts(session);
    });
  });

  document.getElementById('add-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const scopes = form.scopes.value.split(/[,，\s]+/).filter((s) => s.length > 0);
    act(async () => {
      const added = await call('POST', '/admin/accounts', {
        username: form.username.value, password: form.password.value, role: form.role.value, scopes
      });
      form.reset();
      say('已添加 Added ' + added.username);
      await refresh();
    });
  });

  document.getElementById('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    act(async () => {
      const issued = await call('POST', '/admin/accounts/' + encodeURIComponent(tokensOf) + '/tokens', { label: form.label.value });
      form.reset();
      await showTokens(tokensOf);
      document.getElementById('new-token').hidden = false;
      document.getElementById('new-token-secret').textContent = issued.secret;
    });
  });

  act(async () => {
    const session = await call('GET', '/auth/session');
    if (session.authenticated) {
      await showAccounts(session);
    } else {
      showLogin();
    }
  });
}());
