/*
 * Logging in and out from the top bar. The page asks /auth/session at start (a session cookie may
 * still be live); a login answers the account and the session's CSRF token, which stays in memory
 * (api.js adds it to every write). The rest of the page listens for the account changing: logged-in
 * callers see internal attributes, editors and admins get the editing mode.
 */
(function (Lilong) {
  'use strict';

  const { el, clear } = Lilong.dom;
  const i18n = Lilong.i18n;

  /** Roles that may edit (the server decides each write; this only decides what the page offers). */
  const EDITING_ROLES = new Set(['editor', 'admin']);

  const state = {
    /** {username, role, scopes} or null for the public. */
    account: null,
    formOpen: false,
    busy: false,
    error: null
  };
  const listeners = [];
  let box = null;

  /** box: the top-bar element the controls go in. Resolves once the session is known. */
  async function init(container) {
    box = container;
    render();
    try {
      accept(await Lilong.api.session());
    } catch (error) {
      accept({ authenticated: false });   // no session endpoint (an older server): the public page
    }
  }

  function accept(answer) {
    const before = state.account;
    if (answer && answer.authenticated) {
      state.account = { username: String(answer.username), role: String(answer.role),
        scopes: Array.isArray(answer.scopes) ? answer.scopes.map(String) : [] };
      Lilong.api.setCsrfToken(answer.csrfToken);
    } else {
      state.account = null;
      Lilong.api.setCsrfToken(null);
    }
    render();
    if (JSON.stringify(before) !== JSON.stringify(state.account)) {
      listeners.forEach((listener) => listener(state.account));
    }
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.target;
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!username || !password) {
      state.error = i18n.t('loginMissing');
      render();
      return;
    }
    state.busy = true;
    state.error = null;
    render();
    try {
      const answer = await Lilong.api.login(username, password);
      state.formOpen = false;
      state.busy = false;
      accept(answer);
    } catch (error) {
      state.busy = false;
      state.error = loginError(error);
      render();
      const again = box.querySelector('#login-password');
      if (again) {
        again.focus();
      }
    }
  }

  function loginError(error) {
    if (error.status === 401) {
      return i18n.t('loginWrong');
    }
    if (error.status === 429) {
      return i18n.t('loginThrottled', { seconds: error.retryAfterSeconds || '?' });
    }
    return i18n.t('loginFailed') + error.message;
  }

  async function logout() {
    try {
      await Lilong.api.logout();
    } catch (error) {
      // The session may have ended already; the page forgets it either way.
    }
    accept({ authenticated: false });
  }

  function roleLabel(role) {
    const key = 'role.' + role;
    const label = i18n.t(key);
    return label === key ? role : label;
  }

  function render() {
    if (!box) {
      return;
    }
    clear(box);
    if (state.account) {
      box.appendChild(el('span', { className: 'account-name', attrs: { id: 'account-name' } },
        el('span', { className: 'account-username', text: state.account.username }), ' · ',
        el('span', { className: 'account-role', text: roleLabel(state.account.role) })));
      // On phones the name is hidden for room: the button's title still says who is logged in.
      box.appendChild(el('button', { className: 'top-button', text: i18n.t('logout'),
        attrs: { id: 'logout-button', type: 'button', title: state.account.username + ' · ' + roleLabel(state.account.role) },
        on: { click: logout } }));
      return;
    }
    box.appendChild(el('button', { className: 'top-button', text: i18n.t('login'),
      attrs: { id: 'login-button', type: 'button', 'aria-expanded': String(state.formOpen), 'aria-controls': 'login-form' },
      on: { click: () => { state.formOpen = !state.formOpen; state.error = null; render(); focusForm(); } } }));
    if (state.formOpen) {
      box.appendChild(form());
    }
  }

  function form() {
    return el('form', { className: 'login-form', attrs: { id: 'login-form', 'aria-label': i18n.t('login') },
      on: { submit, keydown: (e) => { if (e.key === 'Escape') { state.formOpen = false; render(); } } } },
      el('label', {}, el('span', { text: i18n.t('username') }),
        el('input', { attrs: { id: 'login-username', name: 'username', autocomplete: 'username', required: true } })),
      el('label', {}, el('span', { text: i18n.t('password') }),
        el('input', { attrs: { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password',
          required: true } })),
      state.error ? el('p', { className: 'login-error', text: state.error, attrs: { id: 'login-error', role: 'alert' } }) : null,
      el('div', { className: 'login-actions' },
        el('button', { text: state.busy ? i18n.t('loginBusy') : i18n.t('login'),
          attrs: { id: 'login-submit', type: 'submit', disabled: state.busy } }),
        el('button', { text: i18n.t('cancel'), attrs: { type: 'button' },
          on: { click: () => { state.formOpen = false; render(); } } })));
  }

  function focusForm() {
    const input = box.querySelector('#login-username');
    if (input) {
      input.focus();
    }
  }

  /** The form keeps what was typed across a language switch: only the labels change. */
  function relabel() {
    const username = box && box.querySelector('#login-username');
    const typed = username ? username.value : null;
    render();
    if (typed !== null && box.querySelector('#login-username')) {
      box.querySelector('#login-username').value = typed;
    }
  }

  Lilong.login = {
    init,
    relabel,
    account: () => state.account,
    canEdit: () => state.account !== null && EDITING_ROLES.has(state.account.role),
    /** listener(account or null) after every login, logout or session found at start. */
    onChange: (listener) => listeners.push(listener)
  };
})(window.Lilong);
