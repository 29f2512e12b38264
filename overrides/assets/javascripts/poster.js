/*
 * Posters (component: poster).
 *
 * The sheet prints from the browser's own print command; this adds a button for it next to
 * the preview. Without JavaScript the button stays hidden and the note says what to choose.
 * In a frame (a miniature on the poster index) only the sheet is shown.
 */
(function () {
  "use strict";

  // Shown in a frame, as the miniatures on the poster index are, the page is the sheet alone.
  if (window.self !== window.top) document.documentElement.classList.add("med-poster-embedded");

  function init(root) {
    if (root.getAttribute("data-med-initialised") === "true") return;
    root.setAttribute("data-med-initialised", "true");
    var button = root.querySelector(".med-poster-view__print");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }

  MED.onEveryPage(function () {
    document.querySelectorAll('[data-module="med-poster"]').forEach(init);
  });
})();
