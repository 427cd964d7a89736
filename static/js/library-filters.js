/* Loaded right after the library's filters, without defer, so that phones fold them away before
   the first paint and results come first; they unfold again when the screen widens. */
(function (filters, phone) {
    "use strict";
    filters.open = !phone.matches;
    phone.addEventListener("change", function () { filters.open = !phone.matches; });
})(document.currentScript.previousElementSibling, matchMedia("(max-width: 48rem)"));
