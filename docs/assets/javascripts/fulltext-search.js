/* The full-text search page (docs/search.md): Pagefind's UI over the index in site/pagefind/.
 *
 * Loads pagefind-ui.js from the site itself, relative to this page (so the site works under a
 * sub-path), and starts it with filters (topic, source, year, person, with counts) and results
 * showing title, date, source and the highlighted excerpt.  Runs again when Material's instant
 * navigation brings the page back.  Without an index (under `mkdocs serve`) it says so.
 */
(function () {
  "use strict";

  // The filters shown open, in this order; Pagefind lists the others after them.
  var OPEN_FILTERS = ["topic", "source", "year", "person"];

  // Start the search in the page's container, once the UI script is there
  function start() {
    var container = document.getElementById("fulltext-search");
    if (!container || container.dataset.started) return;
    container.dataset.started = "true";
    var bundle = new URL(container.dataset.bundle || "../pagefind/", document.baseURI).href;
    loadScript(bundle + "pagefind-ui.js", function () {
      container.innerHTML = "";
      new window.PagefindUI({
        element: "#fulltext-search",
        bundlePath: bundle,
        showImages: false,
        showSubResults: false,
        excerptLength: 30,
        openFilters: OPEN_FILTERS,
        showEmptyFilters: false,
        autofocus: true,
        processResult: describeResult,
        translations: { placeholder: "Search the words of every article" },
      });
      searchFromAddress(container);
    }, function () {
      container.querySelector(".fulltext-search__status").textContent =
        "The full-text index is not built here (it is made by `make build`, not by `mkdocs serve`).";
    });
  }

  // A result's meta as shown under its title: "Date: 5 August 2016", "Source: The Asahi Shimbun"
  function describeResult(result) {
    var meta = result.meta || {};
    var shown = {};
    if (meta.title) shown.title = meta.title;
    if (meta.date) shown.date = displayDate(meta.date);
    if (meta.source) shown.source = meta.source;
    result.meta = shown;
    return result;
  }

  // "2016-08-05" as "5 August 2016" (the article pages' own format)
  function displayDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!parts) return iso;
    var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"];
    return Number(parts[3]) + " " + months[Number(parts[2]) - 1] + " " + parts[1];
  }

  // Run the search in ?words=... so results can be linked to (?q= belongs to the header search)
  function searchFromAddress(container) {
    var query = new URLSearchParams(window.location.search).get("words");
    var input = container.querySelector("input");
    if (query && input) {
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  // Add a script once; call done when it is there, failed when it cannot be loaded
  function loadScript(src, done, failed) {
    if (window.PagefindUI) return done();
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  start();
  // Material's instant navigation swaps pages without a reload (subscribe once per window)
  if (window.document$ && window.document$.subscribe && !window.fulltextSearchSubscribed) {
    window.fulltextSearchSubscribed = true;
    window.document$.subscribe(start);
  }
})();
