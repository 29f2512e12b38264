/*
 * Tables and other wide content (component: table).
 *
 * Markdown tables get what the templates write into the guide's own tables: each cell labelled
 * with its column's name (data-label) and the table marked data-cards, so on a phone med.css
 * shows the rows as cards instead of squeezing the columns. A region that still scrolls
 * sideways (a wide table, the flowchart) becomes a named, focusable region, so it can be
 * scrolled from the keyboard; one that fits is left out of the tab order.
 */
(function () {
  "use strict";

  var REGIONS = ".md-typeset__scrollwrap, .med-table-wrap, .med-flow-wrap";

  function labelMarkdownTable(table) {
    if (table.hasAttribute("data-cards")) return;
    var heads = table.querySelectorAll("thead th");
    if (heads.length < 2) return;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        var label = heads[i] ? heads[i].textContent.trim() : "";
        // The first column names the row: it is the card's title.
        if (i > 0 && label) cell.setAttribute("data-label", label);
      });
    });
    table.setAttribute("data-cards", "");
  }

  function regionName(region) {
    var caption = region.querySelector("caption, svg > title");
    if (caption) return caption.textContent.trim();
    var head = region.querySelector("thead th:nth-child(2)");
    return head ? "Tabel: " + head.textContent.trim() : "Tabel";
  }

  function updateRegion(region) {
    if (region.scrollWidth > region.clientWidth + 1) {
      if (region.getAttribute("data-med-region") === "true") return;
      region.setAttribute("data-med-region", "true");
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", regionName(region) + " (rul til siden)");
    } else if (region.getAttribute("data-med-region") === "true") {
      region.removeAttribute("data-med-region");
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  }

  function updateRegions() {
    document.querySelectorAll(REGIONS).forEach(updateRegion);
  }

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(updateRegions);
  });

  // An opened <details> (the flowchart) may reveal a region that scrolls.
  document.addEventListener("toggle", updateRegions, true);

  MED.onEveryPage(function () {
    document.querySelectorAll(".md-content table:not([class])").forEach(labelMarkdownTable);
    updateRegions();
    // Material wraps Markdown tables in their scrolling frame on the same signal.
    requestAnimationFrame(updateRegions);
  });
})();
