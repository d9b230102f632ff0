// PlanManager: small progressive enhancements. No inline scripts anywhere, so a strict
// Content-Security-Policy can forbid them.
(function () {
    'use strict';

    // The language menu submits itself when a language is chosen.
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
        select.addEventListener('change', function () { select.form.submit(); });
    });

    // Destructive actions ask first.
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (!window.confirm(form.getAttribute('data-confirm'))) {
                event.preventDefault();
            }
        });
    });

    // Third-party pickers: search as you type, arrows and Enter to choose, Escape to close.
    document.querySelectorAll('.pm-picker').forEach(function (picker) {
        var url = picker.getAttribute('data-picker-url');
        var text = picker.querySelector('[data-picker-text]');
        var id = picker.querySelector('[data-picker-id]');
        var list = picker.querySelector('.pm-picker-list');
        var clear = picker.querySelector('[data-picker-clear]');
        var timer = null;
        var active = -1;
        var items = [];

        function close() {
            list.classList.add('d-none');
            list.innerHTML = '';
            text.setAttribute('aria-expanded', 'false');
            text.removeAttribute('aria-activedescendant');
            active = -1;
            items = [];
        }

        function choose(item) {
            id.value = item.id;
            text.value = item.name;
            close();
        }

        function highlight(index) {
            var options = list.querySelectorAll('[role=option]');
            options.forEach(function (o, i) { o.classList.toggle('active', i === index); o.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
            active = index;
            if (options[index]) { text.setAttribute('aria-activedescendant', options[index].id); }
        }

        function render(rows) {
            list.innerHTML = '';
            items = rows;
            rows.forEach(function (row, i) {
                var li = document.createElement('li');
                li.id = list.id + '_' + i;
                li.className = 'list-group-item list-group-item-action';
                li.setAttribute('role', 'option');
                li.textContent = row.name + (row.city ? ' · ' + row.city : '');
                li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(row); });
                list.appendChild(li);
            });
            list.classList.toggle('d-none', rows.length === 0);
            text.setAttribute('aria-expanded', rows.length > 0 ? 'true' : 'false');
            active = -1;
        }

        text.addEventListener('input', function () {
            id.value = '';
            window.clearTimeout(timer);
            var term = text.value.trim();
            if (term.length < 1) { close(); return; }
            timer = window.setTimeout(function () {
                fetch(url + '?q=' + encodeURIComponent(term), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(render)
                    .catch(close);
            }, 200);
        });

        text.addEventListener('keydown', function (e) {
            if (list.classList.contains('d-none')) { return; }
            if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
            else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(items[active]); }
            else if (e.key === 'Escape') { close(); }
        });

        text.addEventListener('blur', function () { window.setTimeout(close, 150); });
        if (clear) {
            clear.addEventListener('click', function () { id.value = ''; text.value = ''; close(); text.focus(); });
        }
    });
})();
