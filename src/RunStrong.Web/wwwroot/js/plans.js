// Plans: a Copy button beside the calendar address (the address is selectable text without JavaScript too).
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var input = document.querySelector(button.getAttribute("data-copy"));
    if (!input || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = "Copied";
      }, function () {
        input.select();
      });
    });
  });
  document.querySelectorAll("input[readonly][data-testid='feed-url']").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
