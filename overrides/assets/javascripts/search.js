/*
 * Search (component: search), on top of Material's.
 *
 * Material runs a query on keyup once its index is ready. A query typed or pasted before the
 * index has loaded, or put in without a key (pasted from a menu, dictated), was never run: the
 * box said "Indtast søgeord" beside the reader's words. This runs such a query once the index
 * is ready, by letting Material see the text change.
 */
(function () {
  "use strict";

  function placeholderText() {
    var config = document.getElementById("__config");
    if (!config) return null;
    try {
      return JSON.parse(config.textContent).translations["search.result.placeholder"];
    } catch (error) {
      return null;
    }
  }

  // Material passes a query on only when it differs from the last one it saw.
  function rerun(input) {
    var query = input.value;
    input.value = query + " ";
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function init() {
    var input = document.querySelector(".md-search__input");
    var meta = document.querySelector(".md-search-result__meta");
    if (!input || !meta || input.getAttribute("data-med-initialised") === "true") return;
    input.setAttribute("data-med-initialised", "true");
    var placeholder = placeholderText();

    input.addEventListener("input", function () {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });

    // Words in the box while the results say "type something": the query was missed.
    function check() {
      if (input.value.trim() && placeholder && meta.textContent.trim() === placeholder) rerun(input);
    }
    new MutationObserver(check).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  MED.onEveryPage(init);
})();
