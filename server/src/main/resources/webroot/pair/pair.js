// Pairing: the device spends the one-time code; the server answers with a device cookie (HttpOnly) and where to go.
(() => {
  const form = document.getElementById('pair-form');
  const error = document.getElementById('pair-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const code = document.getElementById('pair-code').value;
    try {
      const response = await fetch('/api/devices/pair', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        error.textContent = data.message || ('Erreur / Error ' + response.status);
        error.hidden = false;
        return;
      }
      document.getElementById('pair-result').textContent = 'Appareil associé : ' + data.name + ' / Device paired';
      window.location.href = data.redirect;
    } catch (e) {
      error.textContent = 'Serveur injoignable / Server unreachable';
      error.hidden = false;
    }
  });
})();
