// Printable pages: the print button opens the browser's print dialog (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
});
