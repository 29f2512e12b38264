/*
 * Abbreviation tooltips (component: glossary).
 *
 * The build marks every glossary abbreviation as <abbr title="expansion">. Without
 * JavaScript the browser shows the title on hover. This script makes the explanation
 * reachable by keyboard and consistent on hover: the first occurrence of each abbreviation
 * on a page can take focus, a tooltip shows on hover and on focus, Escape dismisses it,
 * and screen readers get the expansion as the element's description.
 */
(function () {
  "use strict";

  var MODULE = "med-abbreviations";
  var tip = null;
  var hideTimer = null;
  var current = null;

  function tooltip() {
    if (tip && document.body.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.className = "med-abbr-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(tip);
    return tip;
  }

  function show(abbr) {
    clearTimeout(hideTimer);
    var el = tooltip();
    current = abbr;
    el.textContent = abbr.getAttribute("data-med-title");
    el.hidden = false;
    var box = abbr.getBoundingClientRect();
    var width = el.offsetWidth;
    var left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), window.innerWidth - width - 8);
    var top = box.bottom + 6;
    if (top + el.offsetHeight > window.innerHeight - 8) top = box.top - el.offsetHeight - 6;
    el.style.left = Math.round(left + window.scrollX) + "px";
    el.style.top = Math.round(top + window.scrollY) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 150);
  }

  function describe(root, abbr, ids) {
    var title = abbr.getAttribute("title");
    var key = abbr.textContent + "\u0000" + title;
    if (!ids[key]) {
      ids[key] = "med-abbr-" + Object.keys(ids).length;
      var desc = document.createElement("span");
      desc.id = ids[key];
      desc.hidden = true;
      desc.textContent = title;
      root.appendChild(desc);
      abbr.setAttribute("tabindex", "0");
      abbr.classList.add("med-abbr--first");
    }
    abbr.setAttribute("data-med-title", title);
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", ids[key]);
    abbr.addEventListener("mouseenter", function () { show(abbr); });
    abbr.addEventListener("mouseleave", scheduleHide);
    abbr.addEventListener("focus", function () { show(abbr); });
    abbr.addEventListener("blur", hide);
  }

  function init(root) {
    if (root.getAttribute("data-med-initialised") === "true") return;
    root.setAttribute("data-med-initialised", "true");
    var ids = {};
    root.querySelectorAll("abbr[title]").forEach(function (abbr) { describe(root, abbr, ids); });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });

  function start() {
    hide();
    document.querySelectorAll('[data-module="' + MODULE + '"]').forEach(init);
  }

  MED.onEveryPage(start);
})();
