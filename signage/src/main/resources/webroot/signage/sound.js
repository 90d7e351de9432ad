/* Accueil — the sound of a call on a screen. */
const tone = (audio, frequency, at, duration) => {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.2, at + 0.04);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
  oscillator.connect(gain);
  gain.connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + duration + 0.05);
};

/* A soft two-tone chime (E5 then C5) synthesised with Web Audio: no sound file. Kiosk browsers must allow
   autoplay (Chromium: --autoplay-policy=no-user-gesture-required), otherwise it stays silent. */
export const chime = (state, config) => {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!config.chime || !Context) {
    return;
  }
  try {
    state.audio = state.audio || new Context();
    if (state.audio.state === 'suspended') {
      state.audio.resume();
    }
    const t = state.audio.currentTime + 0.05;
    tone(state.audio, 659.25, t, 0.9);
    tone(state.audio, 523.25, t + 0.55, 1.3);
  } catch {
    // sound is a courtesy; the banner carries the information
  }
};

const silenced = () => document.body.classList.contains('alert-active');

const play = (state, url) =>
  new Promise((resolve, reject) => {
    if (silenced()) {
      resolve();
      return;
    }
    const audio = new Audio(url);
    state.speaking = audio;
    audio.onended = resolve;
    audio.onerror = resolve; // no voice on this server: the banner carries the call
    audio.onpause = resolve; // stopped by an alert
    audio.play().catch(reject);
  });

/* An alert overrides calls: the announcement under way stops at once, the chime too. */
export const silence = (state) => {
  if (state.speaking) {
    state.speaking.pause();
    state.speaking = null;
  }
  if (state.audio && state.audio.state === 'running') {
    state.audio.suspend();
  }
};

const speechUrl = (config, data, lang) =>
  '/screens/' +
  encodeURIComponent(config.id) +
  '/speech?lang=' +
  lang +
  '&ticket=' +
  encodeURIComponent(data.ticket) +
  '&counter=' +
  encodeURIComponent(data.counter);

/* The chime, then the call spoken in French and in English. A browser that refuses to play sound (autoplay
   policy) gets the screen's sound mark shown, so that staff notice; kiosk Chromium is started to allow it. */
export const announce = async (state, config, data) => {
  if (silenced()) {
    return;
  }
  chime(state, config);
  if (!config.chime || !data.counter) {
    return;
  }
  const mark = document.querySelector('.sound-mark');
  await new Promise((resolve) => setTimeout(resolve, 1900)); // after the chime
  try {
    await play(state, speechUrl(config, data, 'fr'));
    await play(state, speechUrl(config, data, 'en'));
    mark.hidden = true;
  } catch (e) {
    mark.hidden = !(e && e.name === 'NotAllowedError');
  }
};
