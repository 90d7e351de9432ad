// Printable pages: the print button opens the browser's print dialog (no inline script under the CSP). A page
// whose stylesheet has a named A4 page (the ticket, 80 mm by default) offers an A4 button: body.print-a4 for
// that print only.
const button = document.getElementById('print');
if (button) {
  button.addEventListener('click', () => window.print());
}
const a4 = document.getElementById('print-a4');
if (a4) {
  a4.addEventListener('click', () => {
    document.body.classList.add('print-a4');
    window.addEventListener('afterprint', () => document.body.classList.remove('print-a4'), { once: true });
    window.print();
  });
}
// Opened from the reception desk with ?print=1: the print dialog at once, and the window closes afterwards.
if (new URLSearchParams(location.search).get('print') === '1') {
  window.addEventListener('afterprint', () => window.opener && window.close(), { once: true });
  window.addEventListener('load', () => window.print(), { once: true });
}
