/* <button data-print> prints the page (the certificate): the Content-Security-Policy forbids onclick. */
document.querySelectorAll("[data-print]").forEach(function (button) {
    "use strict";
    button.addEventListener("click", function () { window.print(); });
});
