// Sets progress bar widths from data-width (CSP: no inline style attributes in markup are needed for this).
document.querySelectorAll('[data-width]').forEach(function (el) { el.style.width = el.getAttribute('data-width') + '%'; });
