// A keyboard-wedge scanner types a whole code then Enter, a few milliseconds a key, into whatever has focus. Its keys
// must land in the code field and never press, toggle or change the control that had focus; a person typing in the
// name search, or using the page with the keyboard alone, must keep working. They are told apart by timing only:
// BURST_KEYS keys in a row, each at most BURST_GAP ms after the one before, are a scanner's.
export const BURST_GAP = 35;
export const BURST_KEYS = 5;

const isText = (element) =>
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement && ['text', 'search', 'password', 'email', ''].includes(element.type));

/**
 * Watches the keys of the page (capture phase, before any control sees them). `code` is the code field; `submit`
 * sends its value as a scan.
 */
export const initScanner = (code, submit) => {
  // The keys typed fast into another text field: moved to the code field once they are known to be a scan.
  let burst = null; // { target, before, keys, last, moved }

  const continues = (now) => burst !== null && now - burst.last <= BURST_GAP;

  const redirect = (event, key) => {
    event.preventDefault();
    event.stopPropagation();
    code.value = (burst && burst.moved ? code.value : '') + key;
    code.focus();
  };

  document.addEventListener(
    'keydown',
    (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
        burst = null;
        return;
      }
      const now = event.timeStamp;
      const printable = event.key.length === 1;
      const target = document.activeElement;
      if (!printable && event.key !== 'Enter') {
        burst = null; // Tab, arrows, Escape: a person
        return;
      }
      if (target === code) {
        if (burst && burst.moved && !continues(now)) {
          burst = null;
        }
        return; // the code field is where codes go: nothing to do
      }
      if (isText(target)) {
        // Another text field (the name search): a person types there, a scanner bursts.
        if (!printable) {
          return; // Enter at a person's pace submits that field's form
        }
        if (!continues(now) || burst.target !== target) {
          burst = { target, before: target.value, keys: [event.key], last: now, moved: false };
          return;
        }
        burst.keys.push(event.key);
        burst.last = now;
        if (burst.keys.length >= BURST_KEYS) {
          // A scanner: give the field back what the person had typed, and the code to the code field.
          target.value = burst.before;
          const keys = burst.keys.join('');
          burst.moved = false;
          redirect(event, keys);
          burst.moved = true;
        }
        return;
      }
      // A button, a radio, a list, a link, the page itself: no code key may act on it.
      const fast = continues(now);
      if (event.key === 'Enter' || event.key === ' ') {
        if (!fast) {
          burst = null;
          return; // a person pressing Enter or Space on a button: it does what it says
        }
        if (event.key === 'Enter') {
          event.preventDefault();
          event.stopPropagation();
          code.focus();
          submit();
          burst = null;
          return;
        }
      }
      if (!fast) {
        burst = { target, before: '', keys: [], last: now, moved: false };
      }
      burst.keys.push(event.key);
      burst.last = now;
      redirect(event, event.key);
      burst.moved = true;
    },
    true,
  );

  // The Enter that ends a burst moved to the code field: the field is focused by then, its form submits as usual.
  code.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && burst && burst.moved) {
      burst = null;
    }
  });
};
