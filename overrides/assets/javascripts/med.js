/*
 * What every MED-guiden component script shares: running once per page.
 *
 * Material's document$ emits after the first load and after every instant navigation, so
 * components start there. Opened from file:// (the offline copy), Material turns instant
 * navigation off and document$ completes without ever emitting; then components start once
 * the document has loaded.
 */
window.MED = window.MED || {};
window.MED.onEveryPage = function (start) {
  "use strict";
  var emitted = false;
  document$.subscribe({
    next: function () {
      emitted = true;
      start();
    },
    complete: function () {
      if (emitted) return;
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
      else start();
    }
  });
};
