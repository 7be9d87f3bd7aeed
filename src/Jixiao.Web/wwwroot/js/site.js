// Sets progress bar widths from data-width (CSP: no inline style attributes in markup are needed for this).
document.querySelectorAll('[data-width]').forEach(function (el) { el.style.width = el.getAttribute('data-width') + '%'; });

// A self-evaluation's 总分 follows its scores as they are typed (the server computes the same sum on save).
document.querySelectorAll('[data-computed-total]').forEach(function (total) {
    var form = total.closest('form');
    var scores = form.querySelectorAll('input[name="ExecutionScore"], input[name$="].Score"]');
    function refresh() {
        var sum = 0, complete = true;
        scores.forEach(function (input) {
            var text = input.value.trim();
            if (text === '' || isNaN(Number(text))) complete = false; else sum += Math.round(Number(text) * 100);
        });
        total.textContent = complete ? String(sum / 100) : '—';
    }
    scores.forEach(function (input) { input.addEventListener('input', refresh); });
});

// A form that asks before it acts (the content security policy allows no inline onsubmit).
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) { if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault(); });
});

// 打印 on the form pages: the browser prints the form's print sheet (print.css hides the page around it).
document.querySelectorAll('[data-print]').forEach(function (el) { el.addEventListener('click', function () { window.print(); }); });
