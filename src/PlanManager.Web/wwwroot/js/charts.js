// Charts of the dashboard and reports (R1), drawn by Chart.js from the table beside each chart: the
// table is the data, the numbers a reader sees and what a screen reader reads; the canvas only draws it.
// <canvas data-chart="bar|stacked|line" data-chart-table="ID">; in the table, each <th data-color> of
// the header is a series, each body row a label (its <th>) with the values in <td data-value>.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') { return; }

    var locale = document.documentElement.lang || undefined;

    function read(table) {
        var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
        var series = [];
        heads.forEach(function (th, index) {
            if (index > 0 && !th.hasAttribute('data-chart-skip')) {
                series.push({ index: index, label: th.textContent.trim(), color: th.getAttribute('data-color') || '#0d6efd', data: [] });
            }
        });
        var labels = [];
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
            labels.push(row.cells[0].textContent.trim());
            series.forEach(function (s) {
                var text = row.cells[s.index] ? row.cells[s.index].getAttribute('data-value') : '';
                s.data.push(text === null || text === '' ? null : Number(text));
            });
        });
        return { labels: labels, series: series };
    }

    function draw(canvas) {
        var table = document.getElementById(canvas.getAttribute('data-chart-table'));
        if (!table) { return; }
        var kind = canvas.getAttribute('data-chart');
        var data = read(table);
        var line = kind === 'line';
        var stacked = kind === 'stacked';
        new Chart(canvas, {
            type: line ? 'line' : 'bar',
            data: {
                labels: data.labels,
                datasets: data.series.map(function (s) {
                    return { label: s.label, data: s.data, backgroundColor: s.color, borderColor: s.color, spanGaps: true, tension: 0.2 };
                })
            },
            options: {
                locale: locale,
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { display: data.series.length > 1, position: 'bottom' } },
                scales: {
                    x: { stacked: stacked },
                    y: { stacked: stacked, beginAtZero: true, ticks: { precision: line ? undefined : 0 } }
                }
            }
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
})();
