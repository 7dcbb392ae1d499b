/*
 * The few behaviours the shell needs, attached from this file (the Content-Security-Policy forbids inline
 * scripts): on a phone the menu slides in from the left and closes on the backdrop, on Escape, or when a
 * link in it is followed.
 */
(function () {
    function setOpen(open) {
        document.body.classList.toggle('menu-open', open);
        var toggle = document.getElementById('menu-toggle');
        if (toggle) {
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        }
    }
    document.addEventListener('DOMContentLoaded', function () {
        var toggle = document.getElementById('menu-toggle');
        var backdrop = document.getElementById('sidebar-backdrop');
        if (toggle) {
            toggle.setAttribute('aria-expanded', 'false');
            toggle.addEventListener('click', function () {
                setOpen(!document.body.classList.contains('menu-open'));
            });
        }
        if (backdrop) {
            backdrop.addEventListener('click', function () { setOpen(false); });
        }
        document.addEventListener('keydown', function (e) {
            if (e.key === 'Escape') { setOpen(false); }
        });
    });
})();
