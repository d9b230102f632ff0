/*
 * PlanManager's addition to Hangfire's dashboard (issue 22 item 18, docs/reliability.md).
 * Hangfire formats its times in the browser with moment.js, in the browser's time zone and, in
 * English, on a 12-hour clock. The app shows the bodyshop's time (App:TimeZone) on a 24-hour clock:
 * the page carries that zone in <html data-time-zone> (BackgroundJobDashboard.cs), and this script,
 * bundled after Hangfire's own and run before its page starts, makes moment do the same.
 */
(function () {
    'use strict';
    var original = window.moment;
    if (!original) {
        return;
    }

    // moment's 'nl' and 'fr' are 24-hour already; its 'en' is American. These are moment's 'en-gb' formats.
    var current = original.locale();
    original.updateLocale('en', {
        longDateFormat: {
            LT: 'HH:mm',
            LTS: 'HH:mm:ss',
            L: 'DD/MM/YYYY',
            LL: 'D MMMM YYYY',
            LLL: 'D MMMM YYYY HH:mm',
            LLLL: 'dddd, D MMMM YYYY HH:mm'
        }
    });
    original.locale(current);

    var zone = document.documentElement.getAttribute('data-time-zone');
    if (!zone || !window.Intl) {
        return;
    }

    var parts;
    try {
        parts = new Intl.DateTimeFormat('en-US', {
            timeZone: zone, hourCycle: 'h23',
            year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
        });
    } catch (e) {
        return;
    }

    // The zone's offset from UTC at an instant, in minutes (summer and winter time included).
    function offsetAt(ms) {
        var p = {};
        parts.formatToParts(new Date(ms)).forEach(function (x) { p[x.type] = x.value; });
        var wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
        return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
    }

    // Hangfire calls the global moment(timestamp, 'X') for every time it shows: each one is put in the zone.
    function zoned() {
        var m = original.apply(this, arguments);
        return m.isValid() ? m.utcOffset(offsetAt(m.valueOf())) : m;
    }

    Object.keys(original).forEach(function (key) { zoned[key] = original[key]; });
    zoned.prototype = original.prototype;
    window.moment = zoned;
})();
