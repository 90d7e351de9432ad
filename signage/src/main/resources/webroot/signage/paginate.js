/*
 * Accueil — splits a slide into pages that fit the screen. Nothing is clipped and nothing is dropped: the items of a
 * layout (a service, a call, a notice, a commitment, a figure: the elements with data-unit) are laid out in order and
 * a page holds as many as fit in the slide's box and in the word limit of one view (docs/screens.md, the 5-metre
 * rule). In two columns (French, English) the n-th item of each column goes on the same page. A text item too long
 * for a view (data-split) is first cut into pieces at word boundaries.
 */
export const MAX_WORDS = 60; // per language on one view, the calls strip's words included
export const STRIP_WORDS = 18; // the calls strip's share of a view's words, when the screen has one
const PIECE_WORDS = 30; // a long text is cut into pieces of at most this many words

const wordsIn = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/* Words drawn on screen in root, per language; a text in neither language (a ticket, a time) counts for both. */
export const wordsShown = (root) => {
  const counts = { fr: 0, en: 0 };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const n = parent && parent.checkVisibility() ? wordsIn(node.textContent) : 0;
    if (n > 0) {
      const lang = parent.closest('[lang]');
      const code = lang && root.contains(lang) ? lang.lang : null;
      counts.fr += code === 'en' ? 0 : n;
      counts.en += code === 'fr' ? 0 : n;
    }
  }
  return counts;
};

const columns = (slide) => {
  const cols = [...slide.querySelectorAll('.col')];
  return cols.length > 0 ? cols : [slide];
};
const unitsOf = (col) => [...col.querySelectorAll('[data-unit]')];
const unitCount = (slide) => Math.max(0, ...columns(slide).map((col) => unitsOf(col).length));

const cut = (unit, parts) => {
  const words = unit.textContent.trim().split(/\s+/);
  const size = Math.ceil(words.length / parts);
  const pieces = [];
  for (let p = 0; p * size < words.length; p++) {
    const piece = unit.cloneNode(false);
    piece.textContent = words.slice(p * size, (p + 1) * size).join(' ');
    pieces.push(piece);
  }
  unit.replaceWith(...pieces);
};

const splitLong = (slide) => {
  const cols = columns(slide).map(unitsOf);
  for (let i = unitCount(slide) - 1; i >= 0; i--) {
    const parts = Math.max(
      ...cols.map((units) =>
        units[i] && units[i].hasAttribute('data-split') ? Math.ceil(wordsIn(units[i].textContent) / PIECE_WORDS) : 1,
      ),
    );
    if (parts > 1) {
      cols.forEach((units) => units[i] && units[i].hasAttribute('data-split') && cut(units[i], parts));
    }
  }
  // hidden items of an ordered list must not restart its numbering
  slide.querySelectorAll('ol').forEach((ol) => [...ol.children].forEach((li, i) => (li.value = i + 1)));
};

/* Shows items from..to-1 of every column, and a group (a heading and its table) only when it has one shown. */
export const showUnits = (slide, from, to) => {
  for (const col of columns(slide)) {
    unitsOf(col).forEach((unit, i) => {
      unit.hidden = i < from || i >= to;
    });
  }
  for (const group of slide.querySelectorAll('[data-group]')) {
    group.hidden = !group.querySelector('[data-unit]:not([hidden])');
  }
};

const overflows = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/* What the view shows of the slide, in each language shown in turn (one at a time in alternate mode). */
const measure = (slide, main, alternate, limit) => {
  const result = { fits: true, fr: 0, en: 0 };
  for (const showing of alternate ? ['fr', 'en'] : [main.dataset.showing]) {
    main.dataset.showing = showing;
    const words = wordsShown(slide);
    result.fr = Math.max(result.fr, alternate && showing === 'en' ? 0 : words.fr);
    result.en = Math.max(result.en, alternate && showing === 'fr' ? 0 : words.en);
    result.fits = result.fits && !overflows(slide) && words.fr <= limit && words.en <= limit;
  }
  return result;
};

/* The pages of a slide shown alone in main: [{from, to, fr, en}] with the words each language shows there; with a
   calls strip beside main, the strip's share of the words is kept for it. */
export const paginate = (slide, main, alternate, strip) => {
  const limit = MAX_WORDS - (strip ? STRIP_WORDS : 0);
  const before = main.dataset.showing;
  if (!slide.dataset.paginated) {
    splitLong(slide);
    slide.dataset.paginated = 'true';
  }
  const n = unitCount(slide);
  const pages = [];
  let from = 0;
  do {
    let to = Math.min(from + 1, n);
    while (to < n) {
      showUnits(slide, from, to + 1);
      if (!measure(slide, main, alternate, limit).fits) {
        break;
      }
      to++;
    }
    showUnits(slide, from, to);
    const { fr, en } = measure(slide, main, alternate, limit);
    pages.push({ from, to, fr, en });
    from = to;
  } while (from < n);
  main.dataset.showing = before;
  return pages;
};

/* The calls strip: as many of the current calls, newest first, as fit its box and its share of the words (older
   ones are all on the calls page); both languages measured together, so that alternate mode fits too. */
export const fitStrip = (strip) => {
  if (!strip || strip.hidden) {
    return;
  }
  const showing = strip.dataset.showing;
  strip.dataset.showing = 'both';
  const items = [...strip.querySelectorAll('.strip-call')];
  items.forEach((item) => (item.hidden = false));
  for (let n = items.length; n > 1; n--) {
    const words = wordsShown(strip);
    if (!overflows(strip) && words.fr <= STRIP_WORDS && words.en <= STRIP_WORDS) {
      break;
    }
    items[n - 1].hidden = true;
  }
  strip.dataset.showing = showing;
};

/* How long a page stays: its own reading time, and together with the slide's other pages at least the time the
   server gave the slide ({fr, en}: in alternate mode, French then English). */
export const pageTimes = (slide, count, page, alternate) => {
  const seconds = (name, fallback) => {
    const n = parseInt(slide.dataset[name], 10);
    return isNaN(n) ? fallback : n;
  };
  const total = seconds('seconds', 10);
  const french = seconds('frenchSeconds', total);
  if (!alternate) {
    return { fr: Math.max(readingSeconds(Math.max(page.fr, page.en)), Math.ceil(total / count)), en: 0 };
  }
  return {
    fr: Math.max(readingSeconds(page.fr), Math.ceil(french / count)),
    en: total > french ? Math.max(readingSeconds(page.en), Math.ceil((total - french) / count)) : 0,
  };
};

/* The same rule as the server's ReadingTime: 3 s to notice the change, then 2 words a second, at least 8 s. */
export const readingSeconds = (words) => Math.max(8, 3 + Math.ceil(words / 2));

/* An alert's text as large as fits the screen (up to 4 times the 5-metre size), never smaller than that size. */
export const fitAlert = (layer) => {
  const alert = layer.querySelector('.alert');
  if (!alert) {
    return;
  }
  let low = 1;
  let high = 4;
  for (let i = 0; i < 10; i++) {
    const mid = (low + high) / 2;
    alert.style.setProperty('--fit', mid);
    if (overflows(alert)) {
      high = mid;
    } else {
      low = mid;
    }
  }
  alert.style.setProperty('--fit', low);
};
