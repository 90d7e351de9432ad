// Administration: accounts, API tokens, sessions, audit trail, devices. All data is inserted as text.
import { $, el, row } from '/static/js/dom.js';
import { get, post, request } from '/static/js/request.js';
import { attempt, confirmAction, restore, siteTime, tell, tellError } from '/static/js/feedback.js';
import { actionText, detailText } from '/static/admin/audit-words.js';

const STATES = {
  pending: 'en attente du code / waiting for the code',
  paired: 'associé / paired',
  revoked: 'révoqué / revoked',
};
const page = { site: { screens: [], gates: [], timezone: 'Europe/Paris' } };
const ROLES = { admin: 'administrateur', manager: 'responsable', agent: 'agent', guard: 'garde' };

// One reader per list, the only place that knows the server's field names (camelCase, ISO instants, booleans).
const account = (a) => ({ username: a.username, role: a.role, disabled: a.disabled, createdAt: a.createdAt });
const token = (t) => ({ id: t.id, name: t.name, role: t.role, revokedAt: t.revokedAt });
const session = (s) => ({ id: s.id, username: s.username, role: s.role, lastSeen: s.lastSeen });

const button = (label, onClick) => {
  const b = el('button', label, { type: 'button', class: 'secondary' });
  b.addEventListener('click', () => onClick(b));
  return b;
};

// An ISO instant in the site's time zone (not the browser's), the French way.
const time = (instant) => siteTime(instant, page.site.timezone);

const showError = (e) => tellError($('page-feedback'), e);

// A table row whose action cell keeps its message across the list's redraws.
const keyedRow = (key, cells, action) => {
  const tr = row(cells, action);
  if (action) {
    tr.lastChild.dataset.feedbackKey = key;
  }
  return tr;
};

/**
 * A row's action: asks first when `ask` is given (a confirmation's title, text, yes), runs it, reloads the list it
 * changed and writes the result (`done`) or the failure in the row (or under the list when the row is gone).
 */
const rowAction =
  ({ ask, work, done, reload }) =>
  async (control) => {
    if (ask && !(await confirmAction(ask))) {
      return;
    }
    const cell = control.closest('td');
    const body = control.closest('tbody');
    const result = await attempt(control, work);
    await reload().catch(showError);
    const place = [...body.querySelectorAll('[data-feedback-key]')].find(
      (c) => c.dataset.feedbackKey === cell.dataset.feedbackKey,
    );
    if (result !== undefined) {
      tell(place || body.closest('table'), done);
    }
  };

const loadAccounts = async () => {
  const accounts = (await get('/api/users')).map(account);
  $('accounts-body').replaceChildren(
    ...accounts.map((a) =>
      keyedRow(
        'account-' + a.username,
        [a.username, (ROLES[a.role] || a.role) + (a.disabled ? ' (désactivé / disabled)' : ''), time(a.createdAt)],
        button(
          (a.disabled ? 'Réactiver / Enable ' : 'Désactiver / Disable ') + a.username,
          rowAction({
            ask: a.disabled
              ? null
              : {
                  title: 'Désactiver ' + a.username + ' ? / Disable the account?',
                  text:
                    '« ' +
                    a.username +
                    ' » ne pourra plus se connecter et ses sessions ouvertes sont fermées tout de suite.',
                  yes: 'Désactiver / Disable',
                },
            work: () => post('/api/users/' + encodeURIComponent(a.username) + (a.disabled ? '/enable' : '/disable')),
            done: a.disabled ? 'Compte réactivé / Enabled' : 'Compte désactivé / Disabled',
            reload: loadAccounts,
          }),
        ),
      ),
    ),
  );
  restore($('accounts-body'));
};

const loadTokens = async () => {
  const tokens = (await get('/api/tokens')).map(token);
  $('tokens-body').replaceChildren(
    ...tokens.map((t) =>
      keyedRow(
        'token-' + t.id,
        [t.name, ROLES[t.role] || t.role, t.revokedAt ? 'révoqué le ' + time(t.revokedAt) : 'actif'],
        t.revokedAt
          ? null
          : button(
              'Révoquer « ' + t.name + ' »',
              rowAction({
                ask: {
                  title: 'Révoquer le jeton « ' + t.name + ' » ? / Revoke the token?',
                  text: 'Le client « ' + t.name + ' » perd son accès à l’API tout de suite ; c’est définitif.',
                  yes: 'Révoquer / Revoke',
                },
                work: () => request('DELETE', '/api/tokens/' + t.id),
                done: 'Jeton révoqué / Token revoked',
                reload: loadTokens,
              }),
            ),
      ),
    ),
  );
  restore($('tokens-body'));
};

const loadSessions = async () => {
  const sessions = (await get('/api/sessions')).map(session);
  $('sessions-body').replaceChildren(
    ...sessions.map((s) =>
      keyedRow(
        'session-' + s.id,
        [s.username, ROLES[s.role] || s.role, time(s.lastSeen)],
        button(
          'Fermer la session de ' + s.username,
          rowAction({
            ask: {
              title: 'Fermer la session de ' + s.username + ' ? / End the session?',
              text: s.username + ' est déconnecté tout de suite et devra se reconnecter.',
              yes: 'Fermer la session / End it',
            },
            work: () => request('DELETE', '/api/sessions/' + s.id),
            done: 'Session de ' + s.username + ' fermée / Session ended',
            reload: loadSessions,
          }),
        ),
      ),
    ),
  );
  restore($('sessions-body'));
};

const loadAudit = async () => {
  const date = $('audit-date').value;
  const entries = await get('/api/audit' + (date ? '?from=' + date : ''));
  $('audit-body').replaceChildren(
    ...entries.map((a) =>
      row([
        siteTime(a.at, page.site.timezone, { time: true }),
        a.actor,
        actionText(a.action),
        a.target,
        detailText(a.action, a.detail),
      ]),
    ),
  );
};

const loadDevices = async () => {
  const devices = await get('/api/devices');
  $('devices-body').replaceChildren(
    ...devices.map((d) =>
      keyedRow(
        'device-' + d.id,
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
              rowAction({
                ask: {
                  title: 'Révoquer « ' + d.name + ' » ? / Revoke the device?',
                  text:
                    (d.kind === 'screen' ? "L'écran " : 'La guérite ') +
                    (d.screen || d.gate) +
                    ' est coupée tout de suite ; il faudra l’associer à nouveau avec un code.',
                  yes: 'Révoquer / Revoke',
                },
                work: () => request('DELETE', '/api/devices/' + d.id),
                done: 'Appareil révoqué / Device revoked',
                reload: loadDevices,
              }),
            ),
      ),
    ),
  );
  restore($('devices-body'));
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

// A form whose answer (or refusal, in French) is written in the form, under its button.
const onSubmit = (formId, resultId, work) =>
  $(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    await attempt(form, () => work(form, $(resultId)));
  });

onSubmit('new-account', 'account-result', async (form) => {
  await post('/api/users', { username: form.username.value, password: form.password.value, role: form.role.value });
  tell(form, 'Compte « ' + form.username.value + ' » créé.');
  form.reset();
  loadAccounts();
});

onSubmit('new-token', 'token-result', async (form, result) => {
  const created = await post('/api/tokens', { name: form.name.value, role: form.role.value });
  tell(form, 'Jeton créé : copiez-le maintenant, il ne sera plus affiché.');
  result.replaceChildren(el('code', created.token, { id: 'token-value' }));
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
      siteTime(created.expiresAt, page.site.timezone, { time: true }).substring(0, 5) +
      ', une seule fois) / On the device, open /pair and type:',
  );
  result.replaceChildren(intro, el('p', created.code, { class: 'pairing-code', id: 'pairing-code' }));
  form.name.value = '';
  loadDevices();
});

$('device-kind').addEventListener('change', fillTargets);
$('audit-date').addEventListener('change', () => loadAudit().catch(showError));

try {
  await loadSite();
  await Promise.all([loadAccounts(), loadTokens(), loadSessions(), loadAudit(), loadDevices()]);
} catch (e) {
  showError(e);
}
