// PlanManager: the progress of long work in the background (decision 0016). Polls the tiny JSON the
// section names and moves the bar; the text is an aria-live region, so a screen reader hears the steps
// and the outcome. Without this script the page refreshes itself (noscript meta refresh) or by its link.
(function () {
    'use strict';

    document.querySelectorAll('[data-progress]').forEach(function (section) {
        var url = section.getAttribute('data-progress');
        var meter = section.querySelector('[data-progress-meter]');
        var bar = section.querySelector('[data-progress-bar]');
        var text = section.querySelector('[data-progress-text]');
        var note = section.querySelector('[data-progress-note]');
        var link = section.querySelector('[data-progress-link]');
        var title = section.querySelector('[data-progress-title]');
        var wait = 1000;
        if (note) { note.hidden = true; }
        if (link) { link.hidden = true; }

        function draw(p) {
            var percent = p.percent === null || p.percent === undefined ? null : p.percent;
            bar.className = bar.className.replace(/\bpm-w-\d+\b/g, '').trim();
            bar.style.width = (percent === null ? 100 : percent) + '%';
            if (percent === null) {
                meter.removeAttribute('aria-valuenow');
            } else {
                meter.setAttribute('aria-valuenow', String(percent));
            }
            var words = p.ended ? p.message : p.step;
            meter.setAttribute('aria-valuetext', words || '');
            if (text.textContent !== words) { text.textContent = words; }
            if (p.ended) {
                bar.classList.remove('progress-bar-animated', 'progress-bar-striped');
                bar.classList.add(p.succeeded ? 'bg-success' : 'bg-danger');
                section.classList.add(p.succeeded ? 'border-success' : 'border-danger');
                section.setAttribute('data-progress-ended', p.succeeded ? 'succeeded' : 'failed');
                text.classList.add('fw-semibold');
                if (title) { title.textContent = title.getAttribute('data-progress-ended-text'); }
                if (link) {
                    link.textContent = link.getAttribute('data-progress-done-text');
                    link.hidden = false;
                }
                if (p.resultUrl) {
                    var result = document.createElement('a');
                    result.href = p.resultUrl;
                    result.className = 'ms-2';
                    result.setAttribute('data-testid', 'progress-result');
                    result.textContent = section.getAttribute('data-progress-result-text') || p.resultUrl;
                    text.appendChild(result);
                }
            }
        }

        function poll() {
            fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
                .then(function (response) {
                    if (response.status === 404) { return null; }
                    if (!response.ok) { throw new Error(String(response.status)); }
                    return response.json();
                })
                .then(function (p) {
                    if (!p) { return; }
                    wait = 1000;
                    draw(p);
                    if (!p.ended) { window.setTimeout(poll, wait); }
                })
                .catch(function () {
                    // A lost connection or a node restarting: ask again, less often.
                    wait = Math.min(wait * 2, 10000);
                    window.setTimeout(poll, wait);
                });
        }

        window.setTimeout(poll, 500);
    });
})();
