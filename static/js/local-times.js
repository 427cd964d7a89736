/* Adds the visitor's own time after each session time the page gives in the session's zone:
   <time datetime="…Z" data-ends="…Z" data-local-time> (templates/cohorts/includes/session_time.html). */
(function () {
    "use strict";
    var format = new Intl.DateTimeFormat(undefined, {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short"
    });
    document.querySelectorAll("time[data-local-time]").forEach(function (time) {
        var start = new Date(time.getAttribute("datetime"));
        var end = new Date(time.dataset.ends);
        if (isNaN(start.getTime()) || isNaN(end.getTime())) {
            return;
        }
        var local = document.createElement("span");
        local.className = "local-time";
        local.textContent = " (your time: " + format.formatRange(start, end) + ")";
        time.parentNode.appendChild(local);
    });
}());
