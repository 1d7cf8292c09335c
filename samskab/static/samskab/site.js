// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", focusErrorSummary);
  document.addEventListener("htmx:afterSwap", focusErrorSummary);
  // Live filter forms (<form data-drop-empty hx-get=...>) leave empty fields out of the
  // request and so out of the address they push to the history.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt.closest || !event.detail.elt.closest("form[data-drop-empty]")) { return; }
    var parameters = event.detail.parameters;
    var names = typeof parameters.keys === "function" ? Array.from(parameters.keys()) : Object.keys(parameters);
    names.forEach(function (name) {
      var value = typeof parameters.getAll === "function" ? parameters.getAll(name) : [parameters[name]];
      if (value.every(function (v) { return v === "" || v === null || v === undefined; })) {
        if (typeof parameters.delete === "function") { parameters.delete(name); } else { delete parameters[name]; }
      }
    });
  });
  // Their choices are refreshed in place (new counts): keep what the server marked chosen.
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("form[data-drop-empty] select").forEach(function (select) {
      var chosen = select.querySelector("option[selected]");
      select.value = chosen ? chosen.value : "";
    });
  });
  // A live filter changes the address without a new page: the language switch follows it.
  function languageLinksFollowAddress() {
    document.querySelectorAll(".site-languages a[href]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.pathname + url.search + url.hash;
    });
  }
  document.addEventListener("htmx:pushedIntoHistory", languageLinksFollowAddress);
  document.addEventListener("htmx:replacedInHistory", languageLinksFollowAddress);
  window.addEventListener("popstate", languageLinksFollowAddress);
  // Buttons that ask before a destructive action: <button data-confirm="...">
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
  // The header's menu is a <details>: shown open from 48rem (CSS shows it there too), a
  // disclosure below that.
  var menu = document.querySelector("[data-site-menu]");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 48rem)");
    var syncMenu = function () { menu.open = wide.matches; };
    syncMenu();
    if (wide.addEventListener) { wide.addEventListener("change", syncMenu); }
  }
})();
