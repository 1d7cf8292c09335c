// A live word counter beside long-text answers with a suggested length.
(function () {
  "use strict";
  function words(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }
  function setUp() {
    document.querySelectorAll("[data-counter-for]").forEach(function (output) {
      var field = document.getElementById(output.getAttribute("data-counter-for"));
      if (!field) return;
      var label = document.documentElement.lang === "en" ? " words so far" :
        (document.documentElement.lang === "nb" ? " ord så langt" : " ord indtil nu");
      var update = function () { output.textContent = "(" + words(field.value) + label + ")"; };
      field.addEventListener("input", update);
      update();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
