// Pairing: the device spends the one-time code; the server answers with a device cookie (HttpOnly) and where to go.
import { HttpError, post } from '/static/js/request.js';

const form = document.getElementById('pair-form');
const error = document.getElementById('pair-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const code = document.getElementById('pair-code').value;
  try {
    const data = await post('/api/devices/pair', { code }, { signInOn401: false });
    document.getElementById('pair-result').textContent = 'Appareil associé : ' + data.name + ' / Device paired';
    window.location.href = data.redirect;
  } catch (e) {
    error.textContent = e instanceof HttpError ? e.message : 'Serveur injoignable / Server unreachable';
    error.hidden = false;
  }
});
