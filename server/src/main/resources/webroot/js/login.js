// Sign-in: posts the credentials, then goes back to the page that asked for them.
import { HttpError, post } from '/static/js/request.js';

// Only a path of this site, as the URL parser reads it: '/\\host' and '/\t/host' name another origin.
const sameOrigin = (next) => {
  if (!next || !next.startsWith('/') || /[\\\s]/.test(next)) {
    return '/';
  }
  const target = new URL(next, location.origin);
  return target.origin === location.origin ? target.pathname + target.search + target.hash : '/';
};

const form = document.getElementById('login');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  try {
    await post(
      '/api/session',
      { username: form.username.value, password: form.password.value },
      { signInOn401: false },
    );
    location.assign(sameOrigin(new URLSearchParams(location.search).get('next')));
  } catch (e) {
    if (!(e instanceof HttpError)) {
      error.textContent = 'Serveur injoignable. / Server unreachable.';
    } else if (e.status === 401) {
      error.textContent = 'Identifiant ou mot de passe incorrect. / Wrong username or password.';
    } else {
      error.textContent = 'Connexion impossible (' + e.status + '). / Cannot sign in.';
    }
    error.hidden = false;
  }
});
