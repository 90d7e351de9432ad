// Messages to visitors (the outbox): the list, and one message as the visitor sees it in a sandboxed frame.
import { $, el, row } from '/static/js/dom.js';
import { get } from '/static/js/request.js';
import { siteTime, tellError } from '/static/js/feedback.js';

const STATUS = { queued: 'En attente', sent: 'Envoyé', failed: 'En échec', expired: 'Périmé' };
const page = { timezone: 'Europe/Paris' };

// The one place that knows the server's field names.
const message = (m) => ({
  id: m.id,
  createdAt: m.createdAt,
  recipient: m.recipient,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  preview: m.preview,
});

const showPreview = (m) => {
  $('preview-section').hidden = false;
  $('preview-subject').textContent = 'Objet : ' + m.subject;
  $('preview').src = m.preview;
  $('preview-title').scrollIntoView();
};

const load = async () => {
  const status = $('status').value;
  const list = (await get('/api/messages' + (status ? '?status=' + encodeURIComponent(status) : ''))).map(message);
  const rows = list.map((m) => {
    const b = el('button', 'Voir', { type: 'button', class: 'secondary', 'aria-label': 'Voir le message ' + m.id });
    b.addEventListener('click', () => showPreview(m));
    return row(
      [
        siteTime(m.createdAt, page.timezone),
        m.recipient,
        m.subject,
        STATUS[m.status] || m.status,
        m.attempts,
        m.lastError,
      ],
      b,
    );
  });
  $('messages-body').replaceChildren(...rows);
  if (rows.length === 0) {
    $('messages-body').append(row(['Aucun message.']));
  }
};

$('filter').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await load();
  } catch (e) {
    tellError($('page-feedback'), e);
  }
});

const start = async () => {
  try {
    page.timezone = (await get('/api/site')).timezone || page.timezone;
    await load();
  } catch (e) {
    tellError($('page-feedback'), e);
  }
};

start();
