/*
 * Course modules (component: module): the trainer view and the presentation view.
 *
 * The page itself is the participants' view. The trainer view shows the trainer notes
 * ([data-trainer-only]); the choice is kept in the address (?visning=underviser) so a trainer
 * can bookmark it. The presentation view shows the parts the template marks [data-slide] one
 * screen at a time, in large type, for a projector: arrow keys, Page Up/Down (what clickers
 * send), space and Backspace move one slide, Home/End jump, F toggles full screen, B blanks
 * the screen, Esc leaves. A part too long for the screen goes on over further slides, split
 * between list items and blocks when the presentation opens or the screen changes size, so
 * nothing ever runs off the screen. The slide is kept in the address (?dias=3), so a reload
 * stays put. Trainer notes never reach a slide. Without JavaScript the page shows everything
 * but the notes.
 */
(function () {
  "use strict";

  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"];
  var PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
  var MIN_TYPE = 24; // px: the smallest body type a slide is given to make a piece fit

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
    this.pages = [];
    this.index = 0;
    this.build();
  }

  Presentation.prototype.collect = function () {
    var summary = this.root.querySelector(".med-module__summary");
    return Array.prototype.map.call(this.root.querySelectorAll("[data-slide]"), function (part) {
      var content = element("div", "med-present__part");
      var title = part.getAttribute("data-slide-kind") === "title";
      if (title && summary) content.appendChild(copyOf(summary));
      content.appendChild(copyOf(part));
      return { title: part.getAttribute("data-slide"), content: content, whole: title };
    });
  };

  // The pieces a part may be split into between slides: each item of its lists, and each of
  // its other blocks. Marked on the part with data-unit, in reading order.
  function markUnits(content) {
    var root = content.lastElementChild;
    var units = [];
    var lists = root.matches("ol, ul") ? [root] : [];
    Array.prototype.forEach.call(root.children, function (child) {
      if (child.matches("ol, ul")) lists.push(child);
      else if (lists.indexOf(root) < 0) units.push(child);
    });
    // Blocks and list items in document order.
    lists.forEach(function (list) {
      Array.prototype.forEach.call(list.children, function (item) { units.push(item); });
    });
    units.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    units.forEach(function (unit, index) { unit.setAttribute("data-unit", String(index)); });
    return units.length;
  }

  // A copy of a part holding only the units from `first` up to (not including) `end`; a
  // numbered list keeps counting where the previous slide stopped.
  function pieceOf(content, first, end) {
    var copy = content.cloneNode(true);
    copy.querySelectorAll("ol").forEach(function (list) {
      var items = Array.prototype.filter.call(list.children, function (item) { return item.hasAttribute("data-unit"); });
      var kept = items.filter(function (item) { return Number(item.getAttribute("data-unit")) >= first; });
      if (items.length && kept.length !== items.length) {
        list.setAttribute("start", String((parseInt(list.getAttribute("start"), 10) || 1) + items.length - kept.length));
      }
    });
    copy.querySelectorAll("[data-unit]").forEach(function (unit) {
      var index = Number(unit.getAttribute("data-unit"));
      if (index < first || index >= end) unit.remove();
    });
    copy.querySelectorAll("ol, ul").forEach(function (list) {
      if (!list.children.length) list.remove();
    });
    return copy;
  }

  Presentation.prototype.build = function () {
    var overlay = element("div", "med-present");
    overlay.hidden = true;
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Præsentation: " + this.title);
    var stage = element("div", "med-present__stage");
    this.stage = stage;
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
    var resizing = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(resizing);
      resizing = window.setTimeout(function () { show.refit(); }, 150);
    });
  };

  // Does what the stage shows fit the screen above the controls?
  Presentation.prototype.fits = function () {
    return this.stage.scrollHeight <= this.stage.clientHeight + 1 && this.stage.scrollWidth <= this.stage.clientWidth + 1;
  };

  Presentation.prototype.show = function (title, content) {
    this.heading.textContent = title;
    this.content.style.fontSize = "";
    this.content.replaceChildren(content);
  };

  // Split each part into as many slides as the screen needs: a part that does not fit goes on
  // over further slides ("fortsat"), a list item or block at a time, so nothing runs off the
  // screen and each key press shows the next piece. Run when the presentation opens and when
  // the screen changes size (full screen, another projector).
  Presentation.prototype.paginate = function () {
    var show = this;
    var pages = [];
    this.slides.forEach(function (slide, number) {
      var count = slide.whole ? 0 : markUnits(slide.content);
      if (!count) {
        pages.push({ slide: number, title: slide.title, content: slide.content });
        return;
      }
      var first = 0;
      while (first < count) {
        var title = first ? slide.title + " (fortsat)" : slide.title;
        var end = first + 1;
        while (end < count) {
          show.show(title, pieceOf(slide.content, first, end + 1));
          if (!show.fits()) break;
          end += 1;
        }
        pages.push({ slide: number, title: title, content: pieceOf(slide.content, first, end) });
        first = end;
      }
    });
    this.pages = pages;
  };

  // A piece too large for the screen on its own (one long paragraph on a small screen) gets
  // smaller type, down to a size still readable from the back of a room.
  Presentation.prototype.fitType = function () {
    var base = parseFloat(window.getComputedStyle(this.content).fontSize);
    var size = base;
    while (!this.fits() && size > MIN_TYPE) {
      size = Math.max(MIN_TYPE, size * 0.94);
      this.content.style.fontSize = size + "px";
    }
  };

  Presentation.prototype.go = function (index) {
    this.index = Math.max(0, Math.min(this.pages.length - 1, index));
    var page = this.pages[this.index];
    this.show(page.title, page.content.cloneNode(true));
    this.fitType();
    this.count.textContent = "Dias " + (this.index + 1) + " af " + this.pages.length;
    this.previous.disabled = this.index === 0;
    this.next.disabled = this.index === this.pages.length - 1;
    setParam("dias", String(this.index + 1));
    this.heading.focus();
  };

  // After the screen changed size: split again, and stay on the same part.
  Presentation.prototype.refit = function () {
    if (this.overlay.hidden) return;
    var slide = this.pages[this.index].slide;
    this.paginate();
    var index = 0;
    while (index < this.pages.length - 1 && this.pages[index].slide < slide) index += 1;
    this.go(index);
  };

  Presentation.prototype.enter = function (index) {
    this.overlay.hidden = false;
    document.documentElement.classList.add("med-presenting");
    this.paginate();
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
      this.go(event.key === "Home" ? 0 : this.pages.length - 1);
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
