// The kiosk's service worker (served at /kiosk-sw.js, scope /kiosk): keeps the page and every module it imports so
// that the kiosk reloads with no network. The page is fetched from the network first (fresh when the server is up);
// the API is never cached here (the offline data lives in IndexedDB, for the day).
const CACHE = 'accueil-kiosk-v3';
const KIOSK = [
  'camera',
  'companions',
  'input',
  'inside',
  'kiosk',
  'lost',
  'offline',
  'pack',
  'presence',
  'scanner',
  'state',
  'status',
  'store',
  'verdict',
];
const SHELL = [
  '/kiosk',
  '/static/css/accueil.css',
  '/static/kiosk/kiosk.css',
  '/static/js/demo.js',
  '/static/js/dom.js',
  '/static/js/request.js',
  ...KIOSK.map((name) => '/static/kiosk/' + name + '.js'),
];

const install = async () => {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  await self.skipWaiting();
};

const activate = async () => {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n)));
  await self.clients.claim();
};

// Network first; a login redirect or an error page is not the kiosk: the last good copy is kept for offline.
const networkFirst = async (request, path) => {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      const cache = await caches.open(CACHE);
      await cache.put(path, response.clone());
    }
    return response;
  } catch {
    return (await caches.match(path)) || Response.error();
  }
};

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'GET' && url.origin === self.location.origin && SHELL.includes(url.pathname)) {
    event.respondWith(networkFirst(event.request, url.pathname));
  }
});
