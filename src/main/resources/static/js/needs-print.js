// The print button of the 一区一策 page (no inline scripts: the Content-Security-Policy allows only our own files).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-needs');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
});
