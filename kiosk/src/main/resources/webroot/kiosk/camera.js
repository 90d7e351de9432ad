// The camera: about two frames a second go to the server until one holds a code, which is then scanned.
import { $, setText } from '/static/js/dom.js';
import { send } from '/static/js/request.js';
import { kiosk } from '/static/kiosk/state.js';

const stopCamera = () => {
  const { camera } = kiosk;
  clearInterval(camera.timer);
  camera.timer = null;
  if (camera.stream) {
    camera.stream.getTracks().forEach((t) => t.stop());
    camera.stream = null;
  }
  $('camera').hidden = true;
  $('camera-toggle').setAttribute('aria-pressed', 'false');
};

// One frame to the server; the code it holds, or null.
const decode = async (blob) => {
  try {
    const response = await send('POST', '/api/kiosk/decode', blob, { headers: { 'Content-Type': 'image/jpeg' } });
    return response.ok ? (await response.json()).text : null;
  } catch {
    return null; // try the next frame
  }
};

const startCamera = async (onCode) => {
  const { camera } = kiosk;
  try {
    camera.stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: 1280, height: 720 },
    });
  } catch {
    setText('camera-status', 'Caméra indisponible / Camera unavailable');
    $('camera').hidden = false;
    return;
  }
  const video = $('camera-video');
  video.srcObject = camera.stream;
  await video.play();
  $('camera').hidden = false;
  $('camera-toggle').setAttribute('aria-pressed', 'true');
  setText('camera-status', 'Présentez le QR code à la caméra / Show the QR code to the camera');
  const canvas = document.createElement('canvas');
  camera.busy = false;
  camera.timer = setInterval(() => {
    if (camera.busy || !video.videoWidth) {
      return;
    }
    camera.busy = true;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    canvas.toBlob(
      async (blob) => {
        const text = await decode(blob);
        camera.busy = false;
        if (text !== null) {
          stopCamera();
          onCode(text);
        }
      },
      'image/jpeg',
      0.85,
    );
  }, 500);
};

/** The camera button: starts or stops the camera; each code read is given to onCode. */
export const initCamera = (onCode) => {
  $('camera-toggle').addEventListener('click', () => {
    if (kiosk.camera.stream) {
      stopCamera();
    } else {
      startCamera(onCode);
    }
  });
};
