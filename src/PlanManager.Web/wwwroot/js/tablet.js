// The workshop tablet (W2): the code keypad, and the return to the code pad after a short time.
(function () {
    'use strict';
    document.querySelectorAll('[data-keypad-for]').forEach(function (pad) {
        var input = document.getElementById(pad.getAttribute('data-keypad-for'));
        if (!input) { return; }
        pad.querySelectorAll('[data-digit]').forEach(function (button) {
            button.addEventListener('click', function () {
                if (input.value.length < 4) { input.value += button.getAttribute('data-digit'); }
                if (input.value.length === 4 && input.form) { input.form.requestSubmit(); }
            });
        });
        var clear = pad.querySelector('[data-clear]');
        if (clear) { clear.addEventListener('click', function () { input.value = input.value.slice(0, -1); }); }
    });

    var body = document.body;
    var url = body.getAttribute('data-return-url');
    var after = parseInt(body.getAttribute('data-return-after') || '', 10);
    if (url && after > 0) {
        window.setTimeout(function () { window.location.assign(url); }, after * 1000);
    }
})();
