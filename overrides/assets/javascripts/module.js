/*
 * Course modules (component: module): the trainer view and the presentation view.
 *
 * The page itself is the participants' view. The trainer view shows the trainer notes
 * ([data-trainer-only]); the choice is kept in the address (?visning=underviser) so a trainer
 * can bookmark it. The presentation view shows the parts the template marks [data-slide] one
 * screen at a time, in large type, for a projector: arrow keys, Page Up/Down (what clickers
 * send), space and Backspace move, Home/End jump, F toggles full screen, B blanks the screen,
 * Esc leaves. The slide is kept in the address (?dias=3), so a reload stays put. Trainer
 * notes never reach a slide. Without JavaScript the page shows everything but the notes.
 */
(function () {
  "use strict";

  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"];
  var PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];

  function setParam(name, value) {
    var params = new URLSearchParams(window.location.search);
    if (value === null) params.delete(name);
    else params.set(name, value);
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (error) {
      // file:// pages may refuse history changes; the view still changes.
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // A copy of a part of the page for a slide: no ids (they would repeat), no trainer notes;
  // a list item (a key point) stands on its own, without its bullet.
  function copyOf(part) {
    var copy = part.cloneNode(true);
    if (copy.tagName === "LI") {
      var alone = element("div", "med-present__point");
      alone.append.apply(alone, Array.prototype.slice.call(copy.childNodes));
      copy = alone;
    }
    copy.removeAttribute("data-slide");
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*"))).forEach(function (node) {
      node.removeAttribute("id");
      node.removeAttribute("aria-labelledby");
    });
    copy.querySelectorAll("[data-trainer-only], .headerlink").forEach(function (node) {
      node.remove();
    });
    return copy;
  }

  function TrainerView(root) {
    this.button = root.querySelector(".med-module__trainer-toggle");
    this.notes = root.querySelectorAll("[data-trainer-only]");
  }

  TrainerView.prototype.set = function (on, remember) {
    this.notes.forEach(function (note) { note.hidden = !on; });
    this.button.setAttribute("aria-pressed", on ? "true" : "false");
    if (remember) setParam("visning", on ? "underviser" : null);
  };

  TrainerView.prototype.start = function () {
    var view = this;
    view.button.hidden = false;
    view.set(new URLSearchParams(window.location.search).get("visning") === "underviser", false);
    view.button.addEventListener("click", function () {
      view.set(view.button.getAttribute("aria-pressed") !== "true", true);
    });
  };

  function Presentation(root) {
    this.root = root;
    this.title = root.getAttribute("data-title");
    this.opener = root.querySelector(".med-module__present");
    this.slides = this.collect();
    this.index = 0;
    this.build();
  }

  Presentation.prototype.collect = function () {
    var summary = this.root.querySelector(".med-module__summary");
    return Array.prototype.map.call(this.root.querySelectorAll("[data-slide]"), function (part) {
      var content = element("div", "med-present__part");
      if (part.getAttribute("data-slide-kind") === "title" && summary) content.appendChild(copyOf(summary));
      content.appendChild(copyOf(part));
      return { title: part.getAttribute("data-slide"), content: content };
    });
  };

  Presentation.prototype.build = function () {
    var overlay = element("div", "med-present");
    overlay.hidden = true;
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Præsentation: " + this.title);
    var stage = element("div", "med-present__stage");
    stage.appendChild(element("p", "med-present__module", this.title));
    this.heading = element("h2", "med-present__title");
    this.heading.tabIndex = -1;
    stage.appendChild(this.heading);
    this.content = element("div", "med-present__content");
    stage.appendChild(this.content);
    var controls = element("div", "med-present__controls");
    this.previous = element("button", "md-button med-present__previous", "Forrige");
    this.count = element("p", "med-present__count");
    this.count.setAttribute("aria-live", "polite");
    this.next = element("button", "md-button md-button--primary med-present__next", "Næste");
    this.fullscreen = element("button", "md-button med-present__fullscreen", "Fuld skærm");
    this.close = element("button", "md-button med-present__close", "Afslut præsentation");
    [this.previous, this.count, this.next, this.fullscreen, this.close].forEach(function (node) {
      if (node.tagName === "BUTTON") node.type = "button";
      controls.appendChild(node);
    });
    this.blank = element("div", "med-present__blank");
    this.blank.hidden = true;
    overlay.appendChild(stage);
    overlay.appendChild(controls);
    overlay.appendChild(this.blank);
    this.overlay = overlay;
    this.root.appendChild(overlay);
    if (!document.fullscreenEnabled) this.fullscreen.hidden = true;

    var show = this;
    this.previous.addEventListener("click", function () { show.go(show.index - 1); });
    this.next.addEventListener("click", function () { show.go(show.index + 1); });
    this.close.addEventListener("click", function () { show.leave(); });
    this.fullscreen.addEventListener("click", function () { show.toggleFullscreen(); });
    this.blank.addEventListener("click", function () { show.blank.hidden = true; });
    overlay.addEventListener("keydown", function (event) { show.key(event); });
  };

  Presentation.prototype.go = function (index) {
    this.index = Math.max(0, Math.min(this.slides.length - 1, index));
    var slide = this.slides[this.index];
    this.heading.textContent = slide.title;
    this.content.replaceChildren(slide.content.cloneNode(true));
    this.count.textContent = "Dias " + (this.index + 1) + " af " + this.slides.length;
    this.previous.disabled = this.index === 0;
    this.next.disabled = this.index === this.slides.length - 1;
    setParam("dias", String(this.index + 1));
    this.heading.focus();
  };

  Presentation.prototype.enter = function (index) {
    this.overlay.hidden = false;
    document.documentElement.classList.add("med-presenting");
    this.go(index);
  };

  Presentation.prototype.leave = function () {
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    this.overlay.hidden = true;
    this.blank.hidden = true;
    document.documentElement.classList.remove("med-presenting");
    setParam("dias", null);
    this.opener.focus();
  };

  Presentation.prototype.toggleFullscreen = function () {
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    else if (this.overlay.requestFullscreen) this.overlay.requestFullscreen().catch(function () {});
  };

  Presentation.prototype.key = function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var onButton = event.target.tagName === "BUTTON" || event.target.tagName === "A";
    if (event.key === "Escape") {
      event.preventDefault();
      this.leave();
    } else if (event.key === "Tab") {
      this.trapFocus(event);
    } else if (NEXT.indexOf(event.key) >= 0 && !(onButton && (event.key === " " || event.key === "Enter"))) {
      event.preventDefault();
      this.go(this.index + 1);
    } else if (PREVIOUS.indexOf(event.key) >= 0) {
      event.preventDefault();
      this.go(this.index - 1);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      this.go(event.key === "Home" ? 0 : this.slides.length - 1);
    } else if (event.key === "b" || event.key === "B" || event.key === ".") {
      this.blank.hidden = !this.blank.hidden;
    } else if (event.key === "f" || event.key === "F") {
      this.toggleFullscreen();
    }
  };

  // Keyboard focus stays in the presentation while it is open.
  Presentation.prototype.trapFocus = function (event) {
    var focusable = Array.prototype.filter.call(
      this.overlay.querySelectorAll("a[href], button:not([disabled]):not([hidden]), [tabindex='0']"),
      function (node) { return node.offsetParent !== null; }
    );
    if (!focusable.length) return;
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === this.heading)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  Presentation.prototype.start = function () {
    var show = this;
    this.opener.hidden = false;
    this.opener.addEventListener("click", function () { show.enter(0); });
    var asked = parseInt(new URLSearchParams(window.location.search).get("dias"), 10);
    if (asked >= 1) this.enter(asked - 1);
  };

  function init(root) {
    if (root.getAttribute("data-med-initialised") === "true") return;
    root.setAttribute("data-med-initialised", "true");
    new TrainerView(root).start();
    new Presentation(root).start();
  }

  MED.onEveryPage(function () {
    // Leaving a page during a presentation (instant navigation) leaves no locked scrolling.
    document.documentElement.classList.remove("med-presenting");
    document.querySelectorAll('[data-module="med-course-module"]').forEach(init);
  });
})();
