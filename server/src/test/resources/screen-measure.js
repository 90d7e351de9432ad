// Run by ScreenLayoutBrowserTest in a screen page shown still on one page: what the visitor sees, and its faults.
const width = window.innerWidth;
const height = window.innerHeight;
const minPx = (48 * Math.min(width, height)) / 1080 - 0.25; // the 5-metre rule, docs/screens.md
const maxWords = 60;
const problems = [];
const main = document.getElementById('content');
const strip = document.getElementById('calls-strip'); // its words count in the view's, beside main's
const scaleOf = (el) => {
  let scale = 1;
  for (let e = el; e; e = e.parentElement) {
    const t = getComputedStyle(e).transform;
    if (t && t !== 'none') {
      scale *= new DOMMatrix(t).a;
    }
  }
  return scale;
};
const words = { fr: 0, en: 0 };
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  const text = node.textContent.trim();
  if (!text || !el || !el.checkVisibility()) {
    continue;
  }
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    if (r.width === 0 || r.height === 0) {
      continue;
    }
    if (r.left < -1 || r.top < -1 || r.right > width + 1 || r.bottom > height + 1) {
      problems.push(
        'outside the viewport: "' + text.slice(0, 40) + '" at ' + Math.round(r.left) + ',' + Math.round(r.top),
      );
      break;
    }
    let clipped = null;
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        const box = a.getBoundingClientRect();
        if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
          clipped = a;
          break;
        }
      }
    }
    if (clipped) {
      problems.push(
        'clipped by ' + clipped.tagName.toLowerCase() + '.' + clipped.className + ': "' + text.slice(0, 40) + '"',
      );
      break;
    }
  }
  const drawn = parseFloat(getComputedStyle(el).fontSize) * scaleOf(el);
  if (drawn < minPx) {
    problems.push('text drawn at ' + drawn.toFixed(1) + ' px < ' + minPx.toFixed(1) + ': "' + text.slice(0, 40) + '"');
  }
  const region = main.contains(el) ? main : strip && strip.contains(el) ? strip : null;
  if (region) {
    const n = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const lang = el.closest('[lang]');
    const code = lang && region.contains(lang) ? lang.lang : null;
    words.fr += code === 'en' ? 0 : n;
    words.en += code === 'fr' ? 0 : n;
  }
}
const alternate = document.body.dataset.languageMode === 'alternate';
for (const lang of ['fr', 'en']) {
  if (alternate && main.dataset.showing !== lang) {
    continue;
  }
  if (words[lang] > maxWords) {
    problems.push(words[lang] + ' words in ' + lang + ' on one view (at most ' + maxWords + ')');
  }
}
if (strip && !document.body.classList.contains('alert-active') && !strip.checkVisibility()) {
  problems.push('the calls strip is not shown');
}
const all = new Set([...main.querySelectorAll('[data-unit]')].map((u) => u.dataset.unit));
const shown = new Set(
  [...main.querySelectorAll('[data-unit]')].filter((u) => u.checkVisibility()).map((u) => u.dataset.unit),
);
return {
  problems: [...new Set(problems)],
  pages: parseInt(document.body.dataset.pages, 10) || 1,
  units: all.size,
  shown: [...shown],
};
