/*
 * Course calendar filters (component: calendar).
 *
 * Without JavaScript the calendar lists every event. Here the filter form appears: audience,
 * kind and place. The choice is kept in the query string (?målgruppe=regioner&type=webinar),
 * so a filtered view can be shared and survives a reload. Events, overview rows and archive
 * rows carry their audience, kind and places as data attributes; months and years left
 * empty by a filter are hidden with them.
 */
(function () {
  "use strict";

  function matches(item, choice) {
    var sectors = item.getAttribute("data-sectors").split(" ");
    var places = item.getAttribute("data-places").split(" ");
    return (!choice.sectors || sectors.indexOf(choice.sectors) >= 0) &&
      (!choice.kind || item.getAttribute("data-kind") === choice.kind) &&
      (!choice.places || places.indexOf(choice.places) >= 0);
  }

  function Calendar(root) {
    this.root = root;
    this.form = root.querySelector(".med-cal__filters");
    this.selects = Array.prototype.slice.call(this.form.querySelectorAll("select"));
    this.count = this.form.querySelector(".med-cal__count");
    this.empty = document.createElement("p");
    this.empty.className = "med-cal__empty";
    this.empty.textContent = "Ingen arrangementer passer til det valgte. Prøv at nulstille filtrene.";
    this.empty.hidden = true;
    this.form.parentNode.insertBefore(this.empty, this.form.nextSibling);
  }

  Calendar.prototype.choice = function () {
    var choice = {};
    this.selects.forEach(function (select) { choice[select.getAttribute("data-filter")] = select.value; });
    return choice;
  };

  Calendar.prototype.readUrl = function () {
    var params = new URLSearchParams(window.location.search);
    this.selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  };

  Calendar.prototype.writeUrl = function () {
    var params = new URLSearchParams(window.location.search);
    this.selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
      else params.delete(select.name);
    });
    var query = params.toString();
    try {
      // A null state: Material's instant navigation leaves such entries alone.
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (error) {
      // file:// pages may refuse history changes; the filter still works.
    }
  };

  Calendar.prototype.apply = function () {
    var choice = this.choice();
    var shown = 0;
    var total = 0;
    this.root.querySelectorAll("[data-sectors]").forEach(function (item) {
      var visible = matches(item, choice);
      item.hidden = !visible;
      // Event cards and archive rows have ids; overview rows repeat the cards.
      if (item.id) {
        total += 1;
        if (visible) shown += 1;
      }
    });
    // A month, an overview or an archive year with nothing left shows nothing at all.
    this.root.querySelectorAll(".med-cal__month, .med-table-wrap").forEach(function (group) {
      var any = group.querySelector("[data-sectors]:not([hidden])");
      group.hidden = !any;
      var heading = group.previousElementSibling;
      if (heading && /^H[23]$/.test(heading.tagName)) heading.hidden = !any;
    });
    var filtered = this.selects.some(function (select) { return select.value; });
    this.count.textContent = filtered ? "Viser " + shown + " af " + total + " arrangementer." : "Viser alle " + total + " arrangementer.";
    this.empty.hidden = shown > 0;
  };

  function init(root) {
    if (root.getAttribute("data-med-initialised") === "true") return;
    root.setAttribute("data-med-initialised", "true");
    var calendar = new Calendar(root);
    calendar.readUrl();
    calendar.form.hidden = false;
    calendar.apply();
    calendar.form.addEventListener("change", function () {
      calendar.writeUrl();
      calendar.apply();
    });
    calendar.form.addEventListener("submit", function (event) { event.preventDefault(); });
    calendar.form.addEventListener("reset", function (event) {
      event.preventDefault();
      calendar.selects.forEach(function (select) { select.value = ""; });
      calendar.writeUrl();
      calendar.apply();
    });
  }

  MED.onEveryPage(function () {
    document.querySelectorAll('[data-module="med-calendar"]').forEach(init);
  });
})();
