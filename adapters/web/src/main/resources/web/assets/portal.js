// The Billing Portal's one script of its own. Everything works without it; with it, the trash can asks in a dialog
// (focus kept inside, Escape answers No) and the deletion happens in place through htmx.
(function () {
  "use strict";

  function deleteDialog() {
    return document.getElementById("delete-dialog");
  }

  function ask(link) {
    var dialog = deleteDialog();
    if (!dialog || typeof dialog.showModal !== "function" || !window.htmx) {
      return false; // no dialog support: the link opens the confirmation page instead
    }
    var title = dialog.querySelector("#delete-dialog-title");
    title.textContent = title.getAttribute("data-template").replace("{0}", link.getAttribute("data-delete"));
    dialog.dataset.url = link.getAttribute("href");
    dialog.dataset.row = link.closest("tr").id;
    dialog.returnFocusTo = link;
    dialog.showModal();
    dialog.querySelector("[data-answer='no']").focus();
    return true;
  }

  function answer(yes) {
    var dialog = deleteDialog();
    var row = document.getElementById(dialog.dataset.row);
    dialog.close();
    if (yes && row) {
      window.htmx.ajax("POST", dialog.dataset.url, { source: row, target: row, swap: "outerHTML" });
      var heading = document.querySelector("h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    } else if (dialog.returnFocusTo) {
      dialog.returnFocusTo.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-delete]");
    if (link && ask(link)) {
      event.preventDefault();
      return;
    }
    var button = event.target.closest("#delete-dialog [data-answer]");
    if (button) {
      answer(button.getAttribute("data-answer") === "yes");
    }
  });

  // Escape closes a modal dialog natively; make it answer No, which also puts focus back on the trash can.
  document.addEventListener("cancel", function (event) {
    if (event.target === deleteDialog()) {
      event.preventDefault();
      answer(false);
    }
  }, true);

  // The menu under the user's name closes on Escape, back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var menu = document.querySelector("details.user-menu[open]");
    if (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    }
  });

  // A row that turned into inputs: focus its first refused field, or its first field, so keyboard users carry on
  // typing and screen readers read the field's error with it.
  document.addEventListener("htmx:afterSettle", function () {
    var input = document.querySelector("tr.editing [aria-invalid='true']")
        || document.querySelector("tr.editing input:not([type=hidden]), tr.editing select");
    if (input && !input.contains(document.activeElement)) {
      input.focus();
    }
  });

  // The console's copy buttons (a new API key): shown only where the script runs; the key stays selectable text.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(field.value).then(function () {
        var status = document.getElementById("copy-status");
        if (status) {
          status.textContent = button.getAttribute("data-copied");
        }
      });
    });
  });
})();
