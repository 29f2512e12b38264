/*
 * Printing any page (component: print).
 *
 * Printed links are no use without their targets, and neither a relative href
 * ("../roller/#leder") nor the address of a local copy is of use on paper. Each link in the
 * content gets a note number (data-print-ref, shown by print.css after the link), and a list
 * of the numbered addresses, printed only, closes the page; links to the same place share a
 * number. The published address of the site comes from the page's canonical link, so a page
 * printed from a local server or the offline copy still prints the public addresses. Links
 * within the page are left alone.
 */
(function () {
  "use strict";

  function withoutIndex(path) {
    return path.replace(/index\.html$/, "");
  }

  // The site's root here (local server, file:// or the public site) and where it is published.
  function roots() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    var here = new URL(withoutIndex(window.location.pathname), window.location.href);
    var localRoot = new URL(base.replace(/\/?$/, "/"), here);
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!canonical) return { local: localRoot.href, published: localRoot.href };
    var pagePath = here.pathname.slice(localRoot.pathname.length);
    var published = new URL(canonical.href);
    var publishedRoot = published.pathname.slice(0, published.pathname.length - pagePath.length);
    return { local: localRoot.href, published: published.origin + publishedRoot };
  }

  function readable(url) {
    try {
      return decodeURI(url);
    } catch (error) {
      return url;
    }
  }

  function publishedAddress(link, site, page) {
    var target;
    try {
      target = new URL(link.getAttribute("href"), window.location.href);
    } catch (error) {
      return null;
    }
    if (!/^(https?|file|mailto):$/.test(target.protocol)) return null;
    target.pathname = withoutIndex(target.pathname);
    var bare = target.origin + target.pathname + target.search;
    if (target.protocol !== "mailto:" && bare === page) return null;
    if (target.href.indexOf(site.local) === 0) {
      return readable(site.published + target.href.slice(site.local.length));
    }
    return readable(target.href.replace(/^mailto:/, ""));
  }

  // Number the links that print, and list their addresses. A part marked data-print-skip
  // does not print (a started decision tree's outline), so its links get no number. Run again
  // whenever a component changes what prints (the "med:print-changed" event).
  function label(root) {
    // A poster prints as its sheet, which carries its own address and QR code.
    if (root.querySelector(".med-poster")) return;
    root.querySelectorAll(".med-print-notes").forEach(function (old) { old.remove(); });
    root.querySelectorAll("[data-print-ref]").forEach(function (link) { link.removeAttribute("data-print-ref"); });
    var site = roots();
    var here = new URL(withoutIndex(window.location.pathname), window.location.href);
    var page = here.origin + here.pathname + window.location.search;
    var numbers = {};
    var addresses = [];
    root.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
      if (link.classList.contains("headerlink") || link.closest(".med-print-hidden, [data-print-skip]")) return;
      var shown = publishedAddress(link, site, page);
      // A link whose text already says where it goes needs no note.
      if (!shown || link.textContent.trim() === shown) return;
      if (!numbers[shown]) {
        addresses.push(shown);
        numbers[shown] = addresses.length;
      }
      link.setAttribute("data-print-ref", String(numbers[shown]));
    });
    if (!addresses.length) return;
    var notes = document.createElement("section");
    notes.className = "med-print-notes";
    notes.setAttribute("aria-hidden", "true");
    var heading = document.createElement("h2");
    heading.textContent = "Adresser på siden";
    var list = document.createElement("ol");
    addresses.forEach(function (address) {
      var item = document.createElement("li");
      item.textContent = address;
      list.appendChild(item);
    });
    notes.appendChild(heading);
    notes.appendChild(list);
    root.querySelector(".md-typeset").appendChild(notes);
  }

  function labelOnce(root) {
    if (root.getAttribute("data-med-initialised") === "true") return;
    root.setAttribute("data-med-initialised", "true");
    label(root);
  }

  document.addEventListener("med:print-changed", function () {
    document.querySelectorAll('.md-content[data-med-initialised="true"]').forEach(label);
  });

  MED.onEveryPage(function () {
    document.querySelectorAll(".md-content").forEach(labelOnce);
  });
})();
