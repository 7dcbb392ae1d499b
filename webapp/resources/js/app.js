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

/*
 * The library scripts (PrimeFaces, jQuery) of a page come without their address (data-after-paint, written so by
 * DeferredCspRenderKitFactory): they are loaded here, in order, once the first frame is painted, so that a phone
 * shows the page before fetching and running some 225 KiB of scripts. Then "scriptsloaded" runs the page's widget
 * script and handlers; the widgets it asks for are built a few at a time, in tasks short enough not to hold a cheap
 * phone's main thread (a roster's dozen menus and its table were one 100-500 ms task), and when the last one is
 * built, "widgetsbuilt" fires and <html data-scripts="loaded"> says so (the browser tests wait for it).
 */
(function () {
    var held = document.querySelectorAll('script[data-after-paint]');
    if (!held.length) {
        return;
    }
    document.documentElement.setAttribute('data-scripts', 'loading');
    function built() {
        document.documentElement.setAttribute('data-scripts', 'loaded');
        document.dispatchEvent(new Event('widgetsbuilt'));
    }
    function loaded() {
        var pf = window.PrimeFaces;
        var create = pf && pf.cw;
        var queue = [];
        if (create) {
            pf.cw = function () { queue.push(arguments); };
        }
        document.dispatchEvent(new Event('scriptsloaded'));
        if (!create) {
            built();
            return;
        }
        (function next() {
            var start = performance.now();
            // about 10 ms a task: under 50 ms on a CPU four times slower
            while (queue.length && performance.now() - start < 10) {
                create.apply(pf, queue.shift());
            }
            if (queue.length) {
                setTimeout(next, 0);
            } else {
                pf.cw = create;
                built();
            }
        })();
    }
    function load() {
        var left = held.length;
        held.forEach(function (h) {
            var script = document.createElement('script');
            script.src = h.getAttribute('data-after-paint');
            // run in document order, as the deferred scripts did
            script.async = false;
            script.onload = script.onerror = function () {
                if (--left === 0) {
                    // a task of its own, not the last script's
                    setTimeout(loaded, 0);
                }
            };
            document.body.appendChild(script);
        });
    }
    // a requestAnimationFrame callback runs just before the next frame is painted: the timer after it, just after
    requestAnimationFrame(function () { setTimeout(load, 0); });
})();

/*
 * Dialogs and phone layout: on a phone the dashboard's sections stay folded under the headline figures (the page
 * was some 20,000 px tall), as the page comes, so that a phone never lays them out unless asked; a wider screen
 * opens them. "More columns" shows a table's columns a phone leaves out.
 */
(function () {
    document.addEventListener('DOMContentLoaded', function () {
        if (!(window.matchMedia && window.matchMedia('(max-width: 640px)').matches)) {
            document.querySelectorAll('details.fold:not([open])').forEach(function (d) { d.open = true; });
        }
        document.querySelectorAll('button.more-columns').forEach(function (b) {
            b.addEventListener('click', function () {
                var fold = b.closest('.fold');
                var more = !fold.classList.contains('show-more');
                fold.classList.toggle('show-more', more);
                b.setAttribute('aria-pressed', more ? 'true' : 'false');
            });
        });
    });
})();

/*
 * ARIA that PrimeFaces 15 writes wrong, put right once the page is built and after each AJAX update: the boxes
 * of a selectOneRadio carry aria-checked without a role (the radio inside says it already); the chosen items of a
 * multiple autocomplete are a "listbox" without options or a name (a plain list of chips is what they are); a
 * skinned file upload's input is aria-hidden although it is the control that takes the focus and the click.
 */
(function () {
    function repair() {
        document.querySelectorAll('[role="radiogroup"] div[aria-checked]:not([role])').forEach(function (d) {
            d.removeAttribute('aria-checked');
        });
        document.querySelectorAll('ul.ui-autocomplete-multiple-container[role="listbox"]').forEach(function (ul) {
            ul.setAttribute('role', 'list');
            ['aria-orientation', 'aria-multiselectable', 'aria-activedescendant'].forEach(function (a) { ul.removeAttribute(a); });
            ul.querySelectorAll(':scope > li').forEach(function (li) {
                li.removeAttribute('role');
                li.removeAttribute('aria-selected');
            });
        });
        document.querySelectorAll('.ui-fileupload-simple input[type="file"][aria-hidden="true"]').forEach(function (input) {
            input.removeAttribute('aria-hidden');
            // once exposed, it needs the name its button shows ("Chọn tệp")
            if (!input.getAttribute('aria-label') && !(input.labels && input.labels.length)) {
                var text = (input.closest('.ui-button') || input.parentElement).textContent.trim();
                if (text) {
                    input.setAttribute('aria-label', text);
                }
            }
        });
    }
    function attach() {
        repair();
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', repair);
        }
    }
    document.addEventListener('DOMContentLoaded', function () {
        // after the widgets are built, on a page whose library scripts come after the first paint
        if (document.documentElement.getAttribute('data-scripts') === 'loading') {
            document.addEventListener('widgetsbuilt', attach);
        } else {
            attach();
        }
    });
})();

/*
 * The dashboard's charts (includes/chart.xhtml) are drawn when they come on screen, their section opened or
 * scrolled to: the chart library (some 80 KiB gzipped, and a long task to run under a cheap phone's CPU) is fetched
 * only then, once, and a phone that never opens a section with a chart never loads it.
 */
(function () {
    var library = null;
    function chartLibrary(src) {
        if (!library) {
            library = new Promise(function (resolve, reject) {
                if (window.Chart) {
                    resolve();
                    return;
                }
                var script = document.createElement('script');
                script.src = src;
                script.onload = resolve;
                script.onerror = function () {
                    library = null;
                    reject(new Error('not loaded: ' + src));
                };
                document.head.appendChild(script);
            });
        }
        return library;
    }
    function draw(box) {
        chartLibrary(box.getAttribute('data-library')).then(function () {
            var canvas = box.querySelector('canvas');
            if (!window.Chart.getChart(canvas)) {
                new window.Chart(canvas, JSON.parse(box.getAttribute('data-chart')));
            }
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        var boxes = document.querySelectorAll('.lazy-chart[data-chart]');
        if (!boxes.length) {
            return;
        }
        if (!('IntersectionObserver' in window)) {
            boxes.forEach(draw);
            return;
        }
        // a folded section's chart has no box, so it is not "intersecting" until its section opens
        var seen = new IntersectionObserver(function (entries) {
            entries.forEach(function (e) {
                if (e.isIntersecting) {
                    seen.unobserve(e.target);
                    draw(e.target);
                }
            });
        }, { rootMargin: '200px 0px' });
        boxes.forEach(function (box) { seen.observe(box); });
    });
})();
