// The kiosk's service worker (served at /kiosk-sw.js, scope /kiosk): keeps the page and its assets so that the
// kiosk reloads with no network. The page is fetched from the network first (fresh when the server is up);
// the API is never cached here (the offline data lives in IndexedDB, for the day).
const CACHE = 'accueil-kiosk-v1';
const SHELL = ['/kiosk', '/static/css/accueil.css', '/static/kiosk/kiosk.css', '/static/kiosk/kiosk.js',
  '/static/kiosk/offline.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) {
    return;
  }
  event.respondWith(fetch(event.request).then((response) => {
    // A login redirect or an error page is not the kiosk: keep the last good copy.
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then((cached) => cached || Response.error())));
});
