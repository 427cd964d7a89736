/* Suggestions under the search box. Without JavaScript the box is a plain search form. */
(function () {
    "use strict";
    var input = document.querySelector("[data-autocomplete-url]");
    if (!input || !window.fetch) { return; }
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var timer = null;
    var active = -1;
    var controller = null;

    function close() {
        list.hidden = true;
        list.textContent = "";
        active = -1;
        input.removeAttribute("aria-activedescendant");
    }

    function render(results) {
        list.textContent = "";
        results.forEach(function (result, index) {
            var item = document.createElement("li");
            item.id = "suggestion-" + index;
            item.setAttribute("role", "option");
            var link = document.createElement("a");
            link.href = result.url;
            link.textContent = result.title;
            var type = document.createElement("span");
            type.className = "autocomplete__type";
            type.textContent = result.type;
            link.appendChild(type);
            item.appendChild(link);
            list.appendChild(item);
        });
        list.hidden = results.length === 0;
    }

    function highlight(index) {
        var items = list.querySelectorAll("[role=option]");
        if (!items.length) { return; }
        active = (index + items.length) % items.length;
        items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
        input.setAttribute("aria-activedescendant", items[active].id);
    }

    function suggest() {
        var query = input.value.trim();
        if (query.length < 2) { close(); return; }
        if (controller) { controller.abort(); }
        controller = new AbortController();
        var url = input.getAttribute("data-autocomplete-url") + "?q=" + encodeURIComponent(query);
        fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { results: [] }; })
            .then(function (data) { render(data.results || []); })
            .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", function (event) {
        if (list.hidden) { return; }
        if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
        else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
        else if (event.key === "Escape") { close(); }
        else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            window.location.href = list.querySelectorAll("[role=option] a")[active].href;
        }
    });
    document.addEventListener("click", function (event) {
        if (!list.contains(event.target) && event.target !== input) { close(); }
    });
}());
