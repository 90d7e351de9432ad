// Sign-in: posts the credentials, then goes back to the page that asked for them.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('login');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const response = await fetch('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: form.username.value, password: form.password.value }),
      });
      if (!response.ok) {
        error.textContent = response.status === 401
          ? 'Identifiant ou mot de passe incorrect. / Wrong username or password.'
          : 'Connexion impossible (' + response.status + '). / Cannot sign in.';
        error.hidden = false;
        return;
      }
      const next = new URLSearchParams(location.search).get('next');
      location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (e) {
      error.textContent = 'Serveur injoignable. / Server unreachable.';
      error.hidden = false;
    }
  });
});
