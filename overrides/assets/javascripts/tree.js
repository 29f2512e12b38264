/*
 * Decision trees (component: tree).
 *
 * Enhances every [data-module="med-tree"]: instead of the full outline, one question at a
 * time, the answers so far with a way to change each, and the outcome. The answers live in
 * the query string (?<tree-id>=<answer>.<answer>…), so every step can be shared, bookmarked
 * and reloaded, and back/forward move between steps. Texts come from the outline already in
 * the page; the structure from the JSON in data-structure. Nothing is fetched, so it works
 * from file://.
 */
(function () {
  "use strict";

  var trees = [];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function Tree(root) {
    this.root = root;
    this.data = JSON.parse(root.getAttribute("data-structure"));
    this.app = root.querySelector(".med-tree__app");
    this.remembered = {};   // question id -> answer id, kept when a step is undone
    this.editing = null;    // question id being changed, if any
    this.readUrl();
  }

  Tree.prototype.node = function (id) { return this.data.nodes[id]; };

  // The answers in the URL, walked from the start; unknown answers end the walk.
  Tree.prototype.readUrl = function () {
    var value = new URLSearchParams(window.location.search).get(this.data.id) || "";
    var given = value ? value.split(".") : [];
    this.memory = {};
    var id = this.data.start;
    for (var i = 0; i < given.length; i++) {
      var node = this.node(id);
      var option = node.kind === "question" && node.options.filter(function (o) { return o.id === given[i]; })[0];
      if (!option) break;
      this.memory[id] = option.id;
      this.remembered[id] = option.id;
      id = option.next;
    }
  };

  // The path of answered questions from the start, and the node it leads to.
  Tree.prototype.walk = function () {
    var path = [];
    var id = this.data.start;
    var seen = {};
    while (!seen[id]) {
      seen[id] = true;
      var node = this.node(id);
      var answer = this.memory[id];
      var option = node.kind === "question" && node.options.filter(function (o) { return o.id === answer; })[0];
      if (!option) break;
      path.push({ question: id, option: option });
      id = option.next;
    }
    return { path: path, current: id };
  };

  Tree.prototype.writeUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var answers = this.walk().path.map(function (step) { return step.option.id; });
    if (answers.length) params.set(this.data.id, answers.join("."));
    else params.delete(this.data.id);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query.replace(/%2E/gi, ".") : "");
    try {
      // A null state: Material's instant navigation leaves such history entries to us.
      window.history.pushState(null, "", url);
    } catch (error) {
      // Some browsers refuse history changes for file:// pages; the steps still work.
    }
  };

  Tree.prototype.answer = function (questionId, optionId) {
    this.memory[questionId] = optionId;
    this.remembered[questionId] = optionId;
    this.editing = null;
    this.writeUrl();
    this.render(true);
  };

  Tree.prototype.back = function () {
    var path = this.walk().path;
    if (!path.length) return;
    delete this.memory[path[path.length - 1].question];
    this.editing = null;
    this.writeUrl();
    this.render(true);
  };

  Tree.prototype.restart = function () {
    this.memory = {};
    this.editing = null;
    this.writeUrl();
    this.render(true);
  };

  Tree.prototype.render = function (moveFocus) {
    var state = this.walk();
    var path = state.path;
    var currentId = this.editing || state.current;
    if (this.editing) {
      var index = path.map(function (step) { return step.question; }).indexOf(this.editing);
      path = path.slice(0, index);
    }
    var current = this.node(currentId);
    this.root.classList.toggle("med-tree--started", state.path.length > 0);
    this.root.classList.toggle("med-tree--finished", current.kind === "outcome");
    // Started, the page prints the answers and not the outline: its links get no print notes.
    var outline = this.root.querySelector(".med-tree__outline");
    if (outline) outline.toggleAttribute("data-print-skip", state.path.length > 0);
    printedAddress();
    document.dispatchEvent(new CustomEvent("med:print-changed"));

    var app = this.app;
    app.textContent = "";
    var status = el("p", { class: "med-tree__status med-visually-hidden", role: "status" });
    app.appendChild(status);
    if (path.length) app.appendChild(this.summary(path));
    var step = current.kind === "question" ? this.question(currentId, current, path.length + 1) : this.outcome(currentId, current);
    app.appendChild(step);
    app.appendChild(this.actions(current, state.path.length));

    var title = step.querySelector(".med-tree__step-title");
    if (moveFocus) {
      title.focus();
      // Written after the change, so screen readers announce it as news.
      status.textContent = current.kind === "question"
        ? "Spørgsmål " + (path.length + 1) + ": " + current.text
        : "Svar: " + current.title;
    }
  };

  Tree.prototype.summary = function (path) {
    var self = this;
    var list = el("ol", { class: "med-tree__answers" });
    path.forEach(function (step) {
      var question = self.node(step.question);
      var change = el("button", {
        type: "button", class: "med-tree__change",
        "aria-label": "Ret svaret på: " + question.text, text: "Ret"
      });
      change.addEventListener("click", function () {
        self.editing = step.question;
        self.render(true);
      });
      list.appendChild(el("li", {}, [
        el("span", { class: "med-tree__answered-question", text: question.text }),
        el("span", { class: "med-tree__answered-option", text: step.option.label }),
        change
      ]));
    });
    return el("section", { class: "med-tree__summary", "aria-label": "Dine svar" }, [
      el("h2", { class: "med-tree__summary-title", text: "Dine svar" }), list
    ]);
  };

  Tree.prototype.question = function (id, question, number) {
    var self = this;
    var name = this.data.id + "--" + id;
    var choices = el("div", { class: "med-tree__choices" });
    question.options.forEach(function (option, i) {
      var input = el("input", { type: "radio", name: name, id: name + "--" + option.id, value: option.id });
      if (self.remembered[id] === option.id) input.checked = true;
      choices.appendChild(el("div", { class: "med-tree__choice" }, [
        input, el("label", { for: name + "--" + option.id, text: option.label })
      ]));
    });
    var help = this.root.querySelector('.med-tree__outline [data-node="' + id + '"] > .med-tree__help');
    var error = el("p", { class: "med-tree__error", id: name + "--error", text: "Vælg et svar for at fortsætte." });
    error.hidden = true;
    var fieldset = el("fieldset", { class: "med-tree__fieldset" }, [
      el("legend", {}, [el("h2", { class: "med-tree__step-title", tabindex: "-1", text: question.text })]),
      help ? help.cloneNode(true) : null,
      error,
      choices
    ]);
    var form = el("form", { class: "med-tree__step med-tree__step--question", novalidate: "" }, [
      el("p", { class: "med-tree__progress", text: "Spørgsmål " + number }),
      fieldset,
      el("button", { type: "submit", class: "md-button md-button--primary med-tree__continue", text: "Fortsæt" })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) {
        error.hidden = false;
        fieldset.setAttribute("aria-describedby", error.id);
        form.querySelector("input").focus();
        return;
      }
      self.answer(id, chosen.value);
    });
    return form;
  };

  Tree.prototype.outcome = function (id, outcome) {
    var source = this.root.querySelector('.med-tree__outline [data-node="' + id + '"] > .med-tree__outcome');
    var body = source.cloneNode(true);
    body.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    body.removeChild(body.querySelector(".med-tree__outcome-title"));
    return el("section", { class: "med-tree__step med-tree__step--outcome" }, [
      el("h2", { class: "med-tree__step-title", tabindex: "-1" }, [
        el("span", { class: "med-tree__outcome-kicker", text: "Svar: " }), document.createTextNode(outcome.title)
      ]),
      body
    ]);
  };

  Tree.prototype.actions = function (current, answered) {
    var self = this;
    var bar = el("div", { class: "med-tree__actions" });
    function button(text, handler, extra) {
      var b = el("button", { type: "button", class: "md-button med-tree__action " + (extra || ""), text: text });
      b.addEventListener("click", handler);
      bar.appendChild(b);
    }
    if (this.editing) {
      button("Fortryd", function () { self.editing = null; self.render(true); });
    } else if (answered) {
      button("Tilbage", function () { self.back(); });
    }
    if (answered) button("Start forfra", function () { self.restart(); });
    if (current.kind === "outcome") button("Udskriv", function () { window.print(); }, "med-tree__print");
    return bar;
  };

  // A printed answer carries the address that opens it again: the page's published address
  // with the answers (print.css shows --med-print-address in the margin of every sheet).
  function printedAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!canonical) return;
    var address = canonical.href + window.location.search;
    try {
      address = decodeURI(address);
    } catch (error) {
      // Shown as it is.
    }
    document.documentElement.style.setProperty("--med-print-address", '"' + address.replace(/[\\"]/g, "\\$&") + '"');
  }

  function init(root) {
    if (root.getAttribute("data-med-initialised") === "true") return;
    root.setAttribute("data-med-initialised", "true");
    var tree = new Tree(root);
    root.classList.add("med-tree--enhanced");
    tree.app.hidden = false;
    tree.render(false);
    trees.push(tree);
  }

  // Back and forward: every tree on the page follows the URL.
  window.addEventListener("popstate", function () {
    trees.forEach(function (tree) {
      tree.editing = null;
      tree.readUrl();
      tree.render(true);
    });
  });

  MED.onEveryPage(function () {
    // The address a tree set for print belongs to its page, not the next (instant navigation).
    document.documentElement.style.removeProperty("--med-print-address");
    trees = trees.filter(function (tree) { return document.body.contains(tree.root); });
    document.querySelectorAll('[data-module="med-tree"]').forEach(init);
  });
})();
