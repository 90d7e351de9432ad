// The gatehouse kiosk: wires its parts and keeps them fresh. The state is in state.js; scans and typed codes in
// input.js, the verdict in verdict.js, the offline pack and queue in pack.js, who is inside in inside.js, the camera
// in camera.js, lost convocations in lost.js. Every value from the server is inserted as text.
import { initCamera } from '/static/kiosk/camera.js';
import { initEvacuation, refreshInside } from '/static/kiosk/inside.js';
import { initInput, loadGates, scan, showMode } from '/static/kiosk/input.js';
import { initLost } from '/static/kiosk/lost.js';
import { forgetPastDay, loadStoredPack, probe, refreshPack, replay, signOut } from '/static/kiosk/pack.js';
import { kiosk } from '/static/kiosk/state.js';
import { applyCaller, showStatus } from '/static/kiosk/status.js';

const PACK_EVERY = 5 * 60 * 1000;
const PROBE_EVERY = 5000;

initInput();
initEvacuation();
initLost();
initCamera(scan);
showMode();
document.getElementById('sign-out').addEventListener('click', signOut);
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk' }).catch(() => {});
}

const start = async () => {
  try {
    await loadStoredPack();
  } catch {
    // no usable stored pack: start without one
  }
  await refreshPack();
  await loadGates();
  applyCaller();
  document.getElementById('code').focus();
  if (kiosk.online) {
    replay();
  }
  refreshInside();
};

start();
setInterval(refreshInside, 5000);
setInterval(probe, PROBE_EVERY);
setInterval(() => {
  if (kiosk.online) {
    refreshPack();
  }
}, PACK_EVERY);
setInterval(() => {
  forgetPastDay();
  showStatus();
}, 60000);
