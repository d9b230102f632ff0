// The planning board (W1): drag a job bar to move it or its right edge to stretch it, drag an
// unplanned job onto a day, or use the keyboard (arrows move a bar a day, Shift+arrows change its
// end). Every change posts the job's own plan form, so the server checks it like a typed one.
(function () {
    'use strict';

    function parseDay(text) {
        var p = text.split('-');
        return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
    }

    function formatDay(date) {
        return date.toISOString().slice(0, 10);
    }

    function addDays(text, days) {
        var d = parseDay(text);
        d.setUTCDate(d.getUTCDate() + days);
        return formatDay(d);
    }

    function submitPlan(jobId, start, end) {
        var form = document.querySelector('form[data-plan-form="' + jobId + '"]');
        if (!form) { return; }
        form.querySelector('[name=Start]').value = start;
        var endField = form.querySelector('[name=End]');
        if (endField && end) { endField.value = end; }
        form.submit();
    }

    var board = document.querySelector('.pm-board');

    function dayColumns() {
        return board ? Array.prototype.slice.call(board.querySelectorAll('thead th.pm-day')) : [];
    }

    function dayWidth() {
        var columns = dayColumns();
        return columns.length ? columns[0].getBoundingClientRect().width : 100;
    }

    function columnAt(x) {
        return dayColumns().filter(function (th) {
            var r = th.getBoundingClientRect();
            return x >= r.left && x < r.right;
        })[0];
    }

    // Moving and stretching bars.
    document.querySelectorAll('.pm-bar').forEach(function (bar) {
        var drag = null;

        bar.addEventListener('pointerdown', function (event) {
            if (event.button !== 0) { return; }
            drag = { x: event.clientX, mode: event.target.classList.contains('pm-bar-end') ? 'end' : 'move', days: 0, width: dayWidth() };
            bar.setPointerCapture(event.pointerId);
            bar.classList.add('pm-dragging');
        });

        bar.addEventListener('pointermove', function (event) {
            if (!drag) { return; }
            var dx = event.clientX - drag.x;
            drag.days = Math.round(dx / drag.width);
            if (drag.mode === 'move') {
                bar.style.transform = 'translateX(' + dx + 'px)';
            } else {
                bar.style.marginRight = (-dx) + 'px';
            }
        });

        function finish() {
            if (!drag) { return; }
            var days = drag.days, mode = drag.mode;
            drag = null;
            bar.classList.remove('pm-dragging');
            bar.style.transform = '';
            bar.style.marginRight = '';
            if (days === 0) { return; }
            var start = bar.getAttribute('data-start'), end = bar.getAttribute('data-end');
            if (mode === 'move') {
                submitPlan(bar.getAttribute('data-job'), addDays(start, days), addDays(end, days));
            } else {
                var newEnd = addDays(end, days);
                submitPlan(bar.getAttribute('data-job'), start, newEnd < start ? start : newEnd);
            }
        }

        bar.addEventListener('pointerup', finish);
        bar.addEventListener('pointercancel', function () {
            drag = null;
            bar.classList.remove('pm-dragging');
            bar.style.transform = '';
            bar.style.marginRight = '';
        });

        bar.addEventListener('keydown', function (event) {
            if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') { return; }
            event.preventDefault();
            var step = event.key === 'ArrowRight' ? 1 : -1;
            var start = bar.getAttribute('data-start'), end = bar.getAttribute('data-end');
            if (event.shiftKey) {
                var newEnd = addDays(end, step);
                if (newEnd < start) { return; }
                submitPlan(bar.getAttribute('data-job'), start, newEnd);
            } else {
                submitPlan(bar.getAttribute('data-job'), addDays(start, step), addDays(end, step));
            }
        });
    });

    // Dropping an unplanned job on a day plans it from that day (the end follows from its hours).
    document.querySelectorAll('[data-drag-unplanned]').forEach(function (handle) {
        var ghost = null, target = null;

        function mark(th) {
            if (target === th) { return; }
            if (target) { target.classList.remove('pm-drop'); }
            target = th;
            if (target) { target.classList.add('pm-drop'); }
        }

        handle.addEventListener('pointerdown', function (event) {
            if (event.button !== 0) { return; }
            handle.setPointerCapture(event.pointerId);
            ghost = document.createElement('div');
            ghost.className = 'pm-ghost';
            ghost.textContent = handle.textContent;
            document.body.appendChild(ghost);
            ghost.style.left = event.clientX + 'px';
            ghost.style.top = event.clientY + 'px';
        });

        handle.addEventListener('pointermove', function (event) {
            if (!ghost) { return; }
            ghost.style.left = event.clientX + 'px';
            ghost.style.top = event.clientY + 'px';
            var r = board ? board.getBoundingClientRect() : null;
            mark(r && event.clientY >= r.top && event.clientY <= r.bottom ? columnAt(event.clientX) : null);
        });

        function end(submit) {
            if (!ghost) { return; }
            ghost.remove();
            ghost = null;
            var th = target;
            mark(null);
            if (submit && th) {
                submitPlan(handle.getAttribute('data-drag-unplanned'), th.getAttribute('data-day'), null);
            }
        }

        handle.addEventListener('pointerup', function () { end(true); });
        handle.addEventListener('pointercancel', function () { end(false); });
    });

    // After a keyboard move the page comes back with the focus on the same bar.
    var focus = board && board.getAttribute('data-focus');
    if (focus) {
        var bar = board.querySelector('.pm-bar[data-job="' + focus + '"]');
        if (bar) { bar.focus(); }
    }

    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });
})();
