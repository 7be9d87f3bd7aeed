// Sets progress bar widths from data-width (CSP: no inline style attributes in markup are needed for this).
document.querySelectorAll('[data-width]').forEach(function (el) { el.style.width = el.getAttribute('data-width') + '%'; });
// 打印 on the form pages: the browser prints the form's print sheet (print.css hides the page around it).
document.querySelectorAll('[data-print]').forEach(function (el) { el.addEventListener('click', function () { window.print(); }); });
