// Administration: accounts, API tokens, sessions, audit trail, devices. All data is inserted as text.
import { $, el, row } from '/static/js/dom.js';
import { get, post, request } from '/static/js/request.js';

const error = $('admin-error');
const STATES = {
  pending: 'en attente du code / waiting for the code',
  paired: 'associé / paired',
  revoked: 'révoqué / revoked',
};
const page = { site: { screens: [], gates: [] } };

// One reader per list, the only place that knows the server's field names (camelCase, ISO instants, booleans).
const account = (a) => ({ username: a.username, role: a.role, disabled: a.disabled, createdAt: a.createdAt });
const token = (t) => ({ id: t.id, name: t.name, role: t.role, revokedAt: t.revokedAt });
const session = (s) => ({ id: s.id, username: s.username, role: s.role, lastSeen: s.lastSeen });

const button = (label, onClick) => {
  const b = el('button', label, { type: 'button', class: 'secondary' });
  b.addEventListener('click', onClick);
  return b;
};

// An ISO instant in French local time.
const time = (instant) => (instant ? new Date(instant).toLocaleString('fr-FR') : '');

const showError = (e) => {
  error.textContent = e.message;
  error.hidden = false;
};

// Runs an action, shows its failure, then reloads the list it changed.
const andReload = (action, reload) => async () => {
  try {
    await action();
  } catch (e) {
    showError(e);
  }
  reload();
};

const loadAccounts = async () => {
  const accounts = (await get('/api/users')).map(account);
  $('accounts-body').replaceChildren(
    ...accounts.map((a) =>
      row(
        [a.username, a.role + (a.disabled ? ' (désactivé / disabled)' : ''), time(a.createdAt)],
        button(
          (a.disabled ? 'Réactiver / Enable ' : 'Désactiver / Disable ') + a.username,
          andReload(
            () => post('/api/users/' + encodeURIComponent(a.username) + (a.disabled ? '/enable' : '/disable')),
            loadAccounts,
          ),
        ),
      ),
    ),
  );
};

const loadTokens = async () => {
  const tokens = (await get('/api/tokens')).map(token);
  $('tokens-body').replaceChildren(
    ...tokens.map((t) =>
      row(
        [t.name, t.role, t.revokedAt ? 'révoqué ' + time(t.revokedAt) : 'actif'],
        t.revokedAt
          ? null
          : button(
              'Révoquer « ' + t.name + ' »',
              andReload(() => request('DELETE', '/api/tokens/' + t.id), loadTokens),
            ),
      ),
    ),
  );
};

const loadSessions = async () => {
  const sessions = (await get('/api/sessions')).map(session);
  $('sessions-body').replaceChildren(
    ...sessions.map((s) =>
      row(
        [s.username, s.role, time(s.lastSeen)],
        button(
          'Fermer la session de ' + s.username,
          andReload(() => request('DELETE', '/api/sessions/' + s.id), loadSessions),
        ),
      ),
    ),
  );
};

const loadAudit = async () => {
  const date = $('audit-date').value;
  const entries = await get('/api/audit' + (date ? '?from=' + date : ''));
  $('audit-body').replaceChildren(
    ...entries.map((a) => row([new Date(a.at).toLocaleTimeString('fr-FR'), a.actor, a.action, a.target, a.detail])),
  );
};

const loadDevices = async () => {
  const devices = await get('/api/devices');
  $('devices-body').replaceChildren(
    ...devices.map((d) =>
      row(
        [
          d.name,
          d.kind === 'screen' ? 'écran / screen' : 'guérite / kiosk',
          d.screen || d.gate,
          STATES[d.state] || d.state,
          time(d.lastUsedAt),
        ],
        d.state === 'revoked'
          ? null
          : button(
              'Révoquer « ' + d.name + ' »',
              andReload(() => request('DELETE', '/api/devices/' + d.id), loadDevices),
            ),
      ),
    ),
  );
};

const fillTargets = () => {
  const list = $('device-kind').value === 'screen' ? page.site.screens : page.site.gates;
  $('device-target').replaceChildren(
    ...list.map((t) => el('option', (t.name && t.name.fr ? t.name.fr + ' — ' : '') + t.id, { value: t.id })),
  );
};

const loadSite = async () => {
  page.site = await get('/api/site');
  fillTargets();
};

// A form whose answer (or refusal) is written in its result paragraph.
const onSubmit = (formId, resultId, work) =>
  $(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = $(resultId);
    try {
      await work(event.target, result);
    } catch (e) {
      result.textContent = 'Refusé : ' + e.message;
    }
  });

onSubmit('new-account', 'account-result', async (form, result) => {
  await post('/api/users', { username: form.username.value, password: form.password.value, role: form.role.value });
  result.textContent = 'Compte « ' + form.username.value + ' » créé.';
  form.reset();
  loadAccounts();
});

onSubmit('new-token', 'token-result', async (form, result) => {
  const created = await post('/api/tokens', { name: form.name.value, role: form.role.value });
  result.textContent = 'Jeton créé (copiez-le maintenant, il ne sera plus affiché) : ' + created.token;
  form.reset();
  loadTokens();
});

onSubmit('new-device', 'device-result', async (form, result) => {
  const kind = form.kind.value;
  const body = { kind, name: form.name.value };
  body[kind === 'screen' ? 'screen' : 'gate'] = form.target.value;
  const created = await post('/api/devices', body);
  const intro = el(
    'p',
    "Sur l'appareil, ouvrez /pair et tapez ce code (valable jusqu'à " +
      new Date(created.expiresAt).toLocaleTimeString('fr-FR') +
      ', une seule fois) / On the device, open /pair and type:',
  );
  result.replaceChildren(intro, el('p', created.code, { class: 'pairing-code', id: 'pairing-code' }));
  form.name.value = '';
  loadDevices();
});

$('device-kind').addEventListener('change', fillTargets);
$('audit-date').addEventListener('change', () => loadAudit().catch(showError));

try {
  await Promise.all([loadAccounts(), loadTokens(), loadSessions(), loadAudit(), loadSite(), loadDevices()]);
} catch (e) {
  showError(e);
}
