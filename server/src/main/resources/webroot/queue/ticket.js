// The printable ticket: one button to print it.
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('print').addEventListener('click', () => window.print());
});
