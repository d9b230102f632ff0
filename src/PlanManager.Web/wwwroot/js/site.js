// PlanManager: small progressive enhancements. No inline scripts anywhere, so a strict
// Content-Security-Policy can forbid them.
(function () {
    'use strict';

    document.documentElement.classList.add('pm-js');

    // Filters (and the language menu) submit themselves when changed; their buttons are for browsers without JavaScript.
    document.querySelectorAll('[data-autosubmit]').forEach(function (field) {
        field.addEventListener('change', function () { field.form.submit(); });
    });
    document.querySelectorAll('[data-js-hide]').forEach(function (el) { el.classList.add('d-none'); });
    document.querySelectorAll('[data-js-only]').forEach(function (el) { el.classList.remove('d-none'); });

    // A dialog the page asks to open at once (the Claims360 set-up of a repairer without one).
    document.querySelectorAll('.modal[data-pm-show="true"]').forEach(function (dialog) {
        if (window.bootstrap) { window.bootstrap.Modal.getOrCreateInstance(dialog).show(); }
    });

    // An open dialog keeps Tab inside, from its last control round to its first and back. Bootstrap's
    // trap pulls back focus that lands elsewhere on the page, but not focus that leaves the page.
    document.addEventListener('keydown', function (e) {
        var dialog = e.key === 'Tab' && document.querySelector('.modal.show');
        if (!dialog) { return; }
        var controls = Array.prototype.filter.call(
            dialog.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])'),
            function (el) { return !el.disabled && el.getClientRects().length > 0; });
        if (controls.length === 0) { return; }
        var first = controls[0];
        var last = controls[controls.length - 1];
        if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
            e.preventDefault();
            last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
        }
    });

    // Destructive actions ask first; a button may carry its own question (one row of a list form).
    // A bulk form (data-needs-selection) with nothing ticked says so instead of asking.
    document.querySelectorAll('form[data-confirm], form:has(button[data-confirm])').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            var button = event.submitter;
            var boxes = form.getAttribute('data-needs-selection');
            var message = form.querySelector('[data-selection-message]');
            if (boxes && !(button && button.getAttribute('data-confirm'))
                && !form.querySelector('input[type=checkbox][name="' + boxes + '"]:checked')) {
                event.preventDefault();
                if (message) { message.hidden = false; }
                return;
            }
            if (message) { message.hidden = true; }
            var question = (button && button.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
            if (question && !window.confirm(question)) {
                event.preventDefault();
            }
        });
    });

    // List checkboxes: one in the header ticks the page; a button ticks the rows it names.
    // A form that sends none of another form's fields (the off site clock) warns before unsaved edits there are dropped.
    document.querySelectorAll('form[data-unsaved-of]').forEach(function (form) {
        var other = document.getElementById(form.getAttribute('data-unsaved-of'));
        if (!other) { return; }
        var state = function () { return new URLSearchParams(new FormData(other)).toString(); };
        var initial = state();
        form.addEventListener('submit', function (event) {
            if (state() !== initial && !window.confirm(form.getAttribute('data-unsaved-warning'))) {
                event.preventDefault();
            }
        });
    });
    document.querySelectorAll('[data-select-all]').forEach(function (all) {
        var name = all.getAttribute('data-select-all');
        all.addEventListener('change', function () {
            all.form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) { box.checked = all.checked; });
        });
    });
    document.querySelectorAll('[data-select-rows]').forEach(function (button) {
        var rows = document.querySelectorAll(button.getAttribute('data-select-rows'));
        if (rows.length === 0) { button.classList.add('d-none'); return; }
        button.addEventListener('click', function () {
            rows.forEach(function (row) { row.querySelectorAll('input[type=checkbox]').forEach(function (box) { box.checked = true; }); });
        });
    });

    // Photos (J4): drop or choose files, each uploaded on its own with a progress bar; the plain form works without this.
    document.querySelectorAll('form[data-photo-upload]').forEach(function (form) {
        var input = form.querySelector('input[type=file]');
        var list = form.querySelector('[data-upload-list]');
        var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10);
        var token = form.querySelector('input[name="__RequestVerificationToken"]');

        function line(name) {
            var li = document.createElement('li');
            li.className = 'mb-1';
            var label = document.createElement('div');
            label.className = 'text-truncate';
            label.textContent = name;
            var bar = document.createElement('div');
            bar.className = 'progress';
            bar.setAttribute('role', 'progressbar');
            bar.setAttribute('aria-label', name);
            bar.setAttribute('aria-valuemin', '0');
            bar.setAttribute('aria-valuemax', '100');
            bar.style.height = '.4rem';
            var fill = document.createElement('div');
            fill.className = 'progress-bar';
            fill.style.width = '0%';
            bar.appendChild(fill);
            li.appendChild(label);
            li.appendChild(bar);
            list.appendChild(li);
            return {
                progress: function (percent) { fill.style.width = percent + '%'; bar.setAttribute('aria-valuenow', String(percent)); },
                fail: function (message) {
                    bar.remove();
                    label.className = 'text-danger';
                    label.setAttribute('role', 'alert');
                    label.textContent = message;
                },
                done: function () { fill.classList.add('bg-success'); fill.style.width = '100%'; }
            };
        }

        function upload(file) {
            var row = line(file.name);
            if (file.size > maxBytes) {
                row.fail(form.getAttribute('data-too-large').replace('{name}', file.name));
                return Promise.resolve(false);
            }
            return new Promise(function (resolve) {
                var data = new FormData();
                data.append(input.name, file, file.name);
                if (token) { data.append(token.name, token.value); }
                var xhr = new XMLHttpRequest();
                xhr.open('POST', form.action);
                xhr.setRequestHeader('Accept', 'application/json');
                xhr.upload.addEventListener('progress', function (e) {
                    if (e.lengthComputable) { row.progress(Math.round(e.loaded * 100 / e.total)); }
                });
                xhr.addEventListener('load', function () {
                    var answer = null;
                    try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = null; }
                    if (xhr.status === 200 && answer && answer.ok) { row.done(); resolve(true); return; }
                    row.fail(answer && answer.message ? answer.message : form.getAttribute('data-failed').replace('{name}', file.name));
                    resolve(false);
                });
                xhr.addEventListener('error', function () {
                    row.fail(form.getAttribute('data-failed').replace('{name}', file.name));
                    resolve(false);
                });
                xhr.send(data);
            });
        }

        function uploadAll(files) {
            if (!files || files.length === 0) { return; }
            list.innerHTML = '';
            var results = [];
            // One after the other: a phone on the workshop's Wi-Fi does better than with ten uploads at once.
            Array.prototype.reduce.call(files, function (chain, file) {
                return chain.then(function () { return upload(file).then(function (ok) { results.push(ok); }); });
            }, Promise.resolve()).then(function () {
                input.value = '';
                var added = results.filter(Boolean).length;
                if (added === results.length) {
                    window.location.hash = 'photos';
                    window.location.reload();
                } else if (added > 0) {
                    var li = document.createElement('li');
                    var a = document.createElement('a');
                    a.href = window.location.pathname + '#photos';
                    a.textContent = form.getAttribute('data-refresh');
                    a.addEventListener('click', function (e) { e.preventDefault(); window.location.reload(); });
                    li.appendChild(a);
                    list.appendChild(li);
                }
            });
        }

        input.addEventListener('change', function () { uploadAll(input.files); });
        form.addEventListener('submit', function (e) { e.preventDefault(); uploadAll(input.files); });
        ['dragenter', 'dragover'].forEach(function (type) {
            form.addEventListener(type, function (e) { e.preventDefault(); form.classList.add('pm-dragging'); });
        });
        ['dragleave', 'drop'].forEach(function (type) {
            form.addEventListener(type, function (e) { e.preventDefault(); form.classList.remove('pm-dragging'); });
        });
        form.addEventListener('drop', function (e) { uploadAll(e.dataTransfer && e.dataTransfer.files); });
    });

    // Photo viewer: the thumbnail links open the original in a dialog, with previous / next; without JavaScript they open the file.
    var viewer = document.getElementById('photo-viewer');
    if (viewer && window.bootstrap) {
        var links = Array.prototype.slice.call(document.querySelectorAll('[data-photo-view]'));
        var modal = new window.bootstrap.Modal(viewer);
        var img = viewer.querySelector('[data-viewer-img]');
        var unavailable = viewer.querySelector('[data-viewer-unavailable]');
        var current = 0;

        function show(index) {
            current = (index + links.length) % links.length;
            var link = links[current];
            var displayable = link.getAttribute('data-displayable') === 'true';
            viewer.querySelector('#photo-viewer-title').textContent = link.getAttribute('data-title');
            viewer.querySelector('[data-viewer-caption]').textContent = link.getAttribute('data-caption');
            viewer.querySelector('[data-viewer-open]').href = link.href;
            img.classList.toggle('d-none', !displayable);
            unavailable.classList.toggle('d-none', displayable);
            img.alt = link.getAttribute('data-title');
            if (displayable) { img.src = link.href; } else { img.removeAttribute('src'); }
            viewer.querySelectorAll('[data-viewer-prev], [data-viewer-next]').forEach(function (b) { b.disabled = links.length < 2; });
        }

        // Bootstrap gives focus back only to data-api triggers; this dialog is opened from script, so do it here.
        var opener = null;
        links.forEach(function (link, index) {
            link.addEventListener('click', function (e) { e.preventDefault(); opener = link; show(index); modal.show(); });
        });
        viewer.addEventListener('hidden.bs.modal', function () { if (opener) { opener.focus(); } });
        viewer.querySelector('[data-viewer-prev]').addEventListener('click', function () { show(current - 1); });
        viewer.querySelector('[data-viewer-next]').addEventListener('click', function () { show(current + 1); });
        viewer.addEventListener('keydown', function (e) {
            if (e.key === 'ArrowLeft') { show(current - 1); } else if (e.key === 'ArrowRight') { show(current + 1); }
        });
    }

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

// Portal (P2): contact details for a new customer, the job number for one who has a job.
(function () {
    var radios = document.querySelectorAll('[data-portal-toggle]');
    if (radios.length === 0) { return; }
    function apply() {
        var existing = document.getElementById('existing-yes').checked;
        document.querySelectorAll('[data-portal-existing]').forEach(function (el) { el.classList.toggle('d-none', !existing); });
        document.querySelectorAll('[data-portal-new]').forEach(function (el) { el.classList.toggle('d-none', existing); });
    }
    radios.forEach(function (r) { r.addEventListener('change', apply); });
    apply();
})();

// Job Queue: the one deny / reject dialog takes the address and claim number of the row's button.
// The reason is required and at most data-max characters: a blank or too long one is refused here
// before it is sent (and again by the server); the count shows while typing, nothing is cut.
(function () {
    var dialog = document.getElementById('deny-dialog');
    if (!dialog) { return; }
    var form = dialog.querySelector('form[data-deny-form]');
    var reason = dialog.querySelector('textarea[name=Reason]');
    var error = document.getElementById('deny-reason-error');
    var count = dialog.querySelector('[data-deny-count]');
    var max = parseInt(reason.getAttribute('data-max'), 10);
    function problem() {
        var text = reason.value.trim();
        if (text === '') { return reason.getAttribute('data-required-text'); }
        if (text.length > max) { return reason.getAttribute('data-too-long-text'); }
        return null;
    }
    function show(strict) {
        var length = reason.value.trim().length;
        count.textContent = length + ' / ' + max;
        count.classList.toggle('text-danger', length > max);
        var message = problem();
        if (message && (strict || length > max)) {
            error.textContent = message;
            reason.classList.add('is-invalid');
        } else {
            reason.classList.remove('is-invalid');
        }
        return message;
    }
    dialog.addEventListener('show.bs.modal', function (event) {
        var button = event.relatedTarget;
        if (!button) { return; }
        form.setAttribute('action', button.getAttribute('data-deny-url'));
        dialog.querySelector('[data-deny-claim-label]').textContent = button.getAttribute('data-deny-claim');
        reason.value = '';
        show(false);
    });
    dialog.addEventListener('shown.bs.modal', function () { reason.focus(); });
    form.addEventListener('submit', function (event) {
        if (show(true)) {
            event.preventDefault();
            reason.focus();
        }
    });
    reason.addEventListener('input', function () { show(false); });
})();
