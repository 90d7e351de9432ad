// Shared by the counter and PAN pages: API calls and small DOM helpers (text only, never HTML).
const Accueil = {
  async api(method, url, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    if (response.status === 401) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname));
      throw new Error('Session terminée. / Session ended.');
    }
    if (response.status === 204) {
      return null;
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(data.message || ('Erreur ' + response.status));
    }
    return data;
  },
  el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  },
  show(node, text) {
    node.textContent = text;
    node.hidden = !text;
  },
  kinds: { 'appointment': 'Rendez-vous', 'slot': 'Créneau PAN', 'walk-in': 'Sans rendez-vous' },
};
