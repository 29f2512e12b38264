/*
 * Posters (component: poster).
 *
 * The sheet prints from the browser's own print command; this adds a button for it next to
 * the preview. Without JavaScript the button stays hidden and the note says what to choose.
 * In a frame (a miniature on the poster index) only the sheet is shown. On the index, a
 * miniature's frame gets its address only when its card comes into view, so a visit fetches
 * the posters it shows, not all of them.
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

  function load(frame) {
    frame.src = frame.getAttribute("data-med-src");
    frame.removeAttribute("data-med-src");
  }

  function showMiniatures(frames) {
    if (!frames.length) return;
    if (!("IntersectionObserver" in window)) {
      frames.forEach(load);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        load(entry.target);
      });
    });
    frames.forEach(function (frame) {
      observer.observe(frame);
    });
  }

  MED.onEveryPage(function () {
    document.querySelectorAll('[data-module="med-poster"]').forEach(init);
    showMiniatures(Array.prototype.slice.call(document.querySelectorAll("iframe[data-med-src]")));
  });
})();
