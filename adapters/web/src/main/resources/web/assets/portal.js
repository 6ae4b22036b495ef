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

  // The console's passkeys (WebAuthn): the page carries the challenge the server keeps; the script runs the browser's
  // ceremony and posts its answer with the form. Without the script or WebAuthn, the form stays hidden behind its
  // hint, and the code's form is the way.
  function bytes(base64url) {
    var text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      out[i] = text.charCodeAt(i);
    }
    return out;
  }

  function base64url(buffer) {
    var view = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < view.length; i++) {
      text += String.fromCharCode(view[i]);
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function credentialIds(form) {
    return form.dataset.credentials.split(" ").filter(Boolean).map(function (id) {
      return { type: "public-key", id: bytes(id) };
    });
  }

  function ceremony(form) {
    var data = form.dataset;
    if (data.passkey === "create") {
      return navigator.credentials.create({ publicKey: {
        challenge: bytes(data.challenge),
        rp: { id: data.rpId, name: data.rpName },
        user: { id: bytes(data.userId), name: data.userName, displayName: data.displayName },
        pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -8 },
          { type: "public-key", alg: -257 }],
        excludeCredentials: credentialIds(form),
        authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
        attestation: "none",
        timeout: 120000
      } });
    }
    return navigator.credentials.get({ publicKey: {
      challenge: bytes(data.challenge),
      rpId: data.rpId,
      allowCredentials: credentialIds(form),
      userVerification: "preferred",
      timeout: 120000
    } });
  }

  // PublicKeyCredential as JSON (WebAuthn Level 3's toJSON), with only the fields the server reads.
  function passkeyAnswer(credential) {
    var response = credential.response;
    var json = { clientDataJSON: base64url(response.clientDataJSON) };
    if (response.attestationObject) {
      json.attestationObject = base64url(response.attestationObject);
    } else {
      json.authenticatorData = base64url(response.authenticatorData);
      json.signature = base64url(response.signature);
      if (response.userHandle) {
        json.userHandle = base64url(response.userHandle);
      }
    }
    return JSON.stringify({ id: credential.id, rawId: base64url(credential.rawId), type: credential.type,
      response: json, clientExtensionResults: credential.getClientExtensionResults() });
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      return;
    }
    form.querySelector("[data-passkey-start]").hidden = false;
    form.querySelector("[data-passkey-without]").hidden = true;
    var failed = form.querySelector("[data-passkey-failed]");
    form.addEventListener("submit", function (event) {
      if (form.elements.credential.value) {
        return;
      }
      event.preventDefault();
      failed.hidden = true;
      ceremony(form).then(function (credential) {
        form.elements.credential.value = passkeyAnswer(credential);
        form.submit();
      }, function () {
        failed.hidden = false; // cancelled, timed out, or no authenticator: the form stays for another try
      });
    });
  });
})();
