// Administration: accounts, API tokens, sessions, audit trail. All data is inserted as text.
(() => {
  const error = document.getElementById('admin-error');

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = response.status === 204 ? null : await response.json();
    if (!response.ok) {
      throw new Error(data && data.message ? data.message : 'HTTP ' + response.status);
    }
    return data;
  }

  function row(cells, action) {
    const tr = document.createElement('tr');
    for (const value of cells) {
      const td = document.createElement('td');
      td.textContent = value == null ? '' : String(value);
      tr.appendChild(td);
    }
    if (action) {
      const td = document.createElement('td');
      td.appendChild(action);
      tr.appendChild(td);
    }
    return tr;
  }

  function button(label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  const time = (millis) => millis ? new Date(millis).toLocaleString('fr-FR') : '';

  function show(e) {
    error.textContent = e.message;
    error.hidden = false;
  }

  async function loadAccounts() {
    const body = document.getElementById('accounts-body');
    body.replaceChildren(...(await api('GET', '/api/users')).map(a => row(
      [a.username, a.role + (a.disabled ? ' (désactivé / disabled)' : ''), time(a.createdAt)],
      button((a.disabled ? 'Réactiver / Enable ' : 'Désactiver / Disable ') + a.username, async () => {
        await api('POST', '/api/users/' + encodeURIComponent(a.username) + (a.disabled ? '/enable' : '/disable')).catch(show);
        loadAccounts();
      }))));
  }

  async function loadTokens() {
    const body = document.getElementById('tokens-body');
    body.replaceChildren(...(await api('GET', '/api/tokens')).map(t => row(
      [t.name, t.role, t.revokedAt ? 'révoqué ' + time(t.revokedAt) : 'actif'],
      t.revokedAt ? null : button('Révoquer « ' + t.name + ' »', async () => {
        await api('DELETE', '/api/tokens/' + t.id).catch(show);
        loadTokens();
      }))));
  }

  async function loadSessions() {
    const body = document.getElementById('sessions-body');
    body.replaceChildren(...(await api('GET', '/api/sessions')).map(s => row(
      [s.username, s.role, time(s.lastSeen)],
      button('Fermer la session de ' + s.username, async () => {
        await api('DELETE', '/api/sessions/' + s.id).catch(show);
        loadSessions();
      }))));
  }

  async function loadAudit() {
    const date = document.getElementById('audit-date').value;
    const body = document.getElementById('audit-body');
    body.replaceChildren(...(await api('GET', '/api/audit' + (date ? '?from=' + date : '')))
      .map(a => row([new Date(a.at).toLocaleTimeString('fr-FR'), a.actor, a.action, a.target, a.detail])));
  }

  document.getElementById('new-account').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const result = document.getElementById('account-result');
    try {
      await api('POST', '/api/users', { username: form.username.value, password: form.password.value, role: form.role.value });
      result.textContent = 'Compte « ' + form.username.value + ' » créé.';
      form.reset();
      loadAccounts();
    } catch (e) {
      result.textContent = 'Refusé : ' + e.message;
    }
  });

  document.getElementById('new-token').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const result = document.getElementById('token-result');
    try {
      const token = await api('POST', '/api/tokens', { name: form.name.value, role: form.role.value });
      result.textContent = 'Jeton créé (copiez-le maintenant, il ne sera plus affiché) : ' + token.token;
      form.reset();
      loadTokens();
    } catch (e) {
      result.textContent = 'Refusé : ' + e.message;
    }
  });

  let site = { screens: [], gates: [] };
  const STATES = { pending: 'en attente du code / waiting for the code', paired: 'associé / paired', revoked: 'révoqué / revoked' };

  function fillTargets() {
    const kind = document.getElementById('device-kind').value;
    const list = kind === 'screen' ? site.screens : site.gates;
    document.getElementById('device-target').replaceChildren(...list.map((t) => {
      const option = document.createElement('option');
      option.value = t.id;
      option.textContent = (t.name && t.name.fr ? t.name.fr + ' — ' : '') + t.id;
      return option;
    }));
  }

  async function loadDevices() {
    const body = document.getElementById('devices-body');
    body.replaceChildren(...(await api('GET', '/api/devices')).map((d) => row(
      [d.name, d.kind === 'screen' ? 'écran / screen' : 'guérite / kiosk', d.screen || d.gate, STATES[d.state] || d.state,
        d.lastUsedAt ? new Date(d.lastUsedAt).toLocaleString('fr-FR') : ''],
      d.state === 'revoked' ? null : button('Révoquer « ' + d.name + ' »', async () => {
        await api('DELETE', '/api/devices/' + d.id).catch(show);
        loadDevices();
      }))));
  }

  document.getElementById('device-kind').addEventListener('change', fillTargets);
  document.getElementById('new-device').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const result = document.getElementById('device-result');
    const kind = form.kind.value;
    const body = { kind, name: form.name.value };
    body[kind === 'screen' ? 'screen' : 'gate'] = form.target.value;
    try {
      const created = await api('POST', '/api/devices', body);
      const intro = document.createElement('p');
      intro.textContent = 'Sur l\'appareil, ouvrez /pair et tapez ce code (valable jusqu\'à '
        + new Date(created.expiresAt).toLocaleTimeString('fr-FR') + ', une seule fois) / On the device, open /pair and type:';
      const code = document.createElement('p');
      code.className = 'pairing-code';
      code.id = 'pairing-code';
      code.textContent = created.code;
      result.replaceChildren(intro, code);
      form.name.value = '';
      loadDevices();
    } catch (e) {
      result.textContent = 'Refusé : ' + e.message;
    }
  });

  async function loadSite() {
    site = await api('GET', '/api/site');
    fillTargets();
  }

  document.getElementById('audit-date').addEventListener('change', () => loadAudit().catch(show));

  Promise.all([loadAccounts(), loadTokens(), loadSessions(), loadAudit(), loadSite(), loadDevices()]).catch(show);
})();
