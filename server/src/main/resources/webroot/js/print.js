// Printable pages: the print button opens the browser's print dialog (no inline script under the CSP).
const button = document.getElementById('print');
if (button) {
  button.addEventListener('click', () => window.print());
}
