// The gym page (/log): one tap per set, a rest timer, and no set ever lost on a slow or flaky connection.
//
// Without this script every form posts to the page and still works (a refused set comes back in its form with the
// error beside the field). With it, each set is sent to the API the moment it is done:
//   - stored: the row says "Saved" and the rest timer starts;
//   - refused (a bad value): the set stays in its row, as typed, with the server's message beside the field; nothing
//     else moves and the rest timer does not start;
//   - no connection: the set waits in a queue kept on the phone (localStorage), its row says "Queued", and it is sent
//     as soon as the connection is back, even after the page was closed. The server stores a set at (day, session,
//     position), so sending it again replaces it and never logs it twice.
// A new set typed in the "Sets" form becomes a row of its own at once, and the form moves on to the next set with the
// same values, so the next identical set is one tap.
(function () {
  "use strict";

  var page = document.querySelector(".log-page");
  if (!page) {
    return;
  }

  var QUEUE_KEY = "runstrong.log.queue.v2";
  var status = document.querySelector("[data-testid=sync-status]");
  var timerBox = document.querySelector(".rest-timer");
  var timerLeft = timerBox ? timerBox.querySelector(".rest-left") : null;
  var addForm = document.querySelector("form.add-set");
  var rows = document.querySelector("[data-testid=unplanned-sets]");
  var timerHandle = null;
  var retryHandle = null;
  var retryDelay = 2000;
  var sending = false;
  var memoryQueue = null; // used when localStorage is unavailable

  // ----- The queue -------------------------------------------------------------------------------------------------

  function readQueue() {
    if (memoryQueue) {
      return memoryQueue.slice();
    }
    try {
      var parsed = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) {
      return [];
    }
  }

  function writeQueue(queue) {
    if (memoryQueue) {
      memoryQueue = queue.slice();
      return;
    }
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    } catch (e) {
      memoryQueue = queue.slice(); // storage full or disabled: kept for as long as this page is open
    }
  }

  function enqueue(item) {
    var queue = readQueue().filter(function (q) { return q.key !== item.key; });
    queue.push(item);
    writeQueue(queue);
  }

  function dequeue(key) {
    writeQueue(readQueue().filter(function (q) { return q.key !== key; }));
  }

  function queued(key) {
    return readQueue().some(function (q) { return q.key === key; });
  }

  // ----- Forms -----------------------------------------------------------------------------------------------------

  function formFor(key) {
    var forms = document.querySelectorAll("form.set-row, form.session-log");
    for (var i = 0; i < forms.length; i++) {
      if (forms[i].getAttribute("data-key") === key && !forms[i].classList.contains("add-set")) {
        return forms[i];
      }
    }
    return null;
  }

  function field(form, name) {
    return form ? form.elements.namedItem(name) : null;
  }

  function value(form, name) {
    var f = field(form, name);
    if (f && f.length !== undefined && !("value" in f && typeof f.value === "string")) {
      // a radio group
      for (var i = 0; i < f.length; i++) {
        if (f[i].checked) {
          return f[i].value;
        }
      }
      return "";
    }
    if (f && f.type === "radio") {
      return f.checked ? f.value : "";
    }
    return f && "value" in f ? String(f.value).trim() : "";
  }

  function number(text) {
    if (text === "") {
      return null;
    }
    var n = Number(text.replace(",", "."));
    return isNaN(n) ? text : n;
  }

  function isShown(el) {
    var label = el && el.closest ? el.closest("label") : null;
    return !!el && !(label && label.hidden);
  }

  function setState(form, text, cls) {
    if (!form) {
      return;
    }
    var state = form.querySelector(".set-state");
    if (state) {
      state.textContent = text;
    }
    form.classList.remove("pending", "done", "failed", "queued");
    if (cls) {
      form.classList.add(cls);
    }
  }

  function clearError(form) {
    if (!form) {
      return;
    }
    var box = form.querySelector(".field-error");
    if (box) {
      box.hidden = true;
      box.textContent = "";
    }
    var marked = form.querySelectorAll("[aria-invalid=true]");
    for (var i = 0; i < marked.length; i++) {
      marked[i].removeAttribute("aria-invalid");
    }
  }

  // The server names the field ("sets[3].load", "gradePercent"); the form's field has the same name, capitalised.
  function showError(form, problem) {
    if (!form) {
      return;
    }
    var message = (problem && (problem.detail || problem.title)) || "The server refused this.";
    var fieldName = null;
    if (problem && problem.errors) {
      var keys = Object.keys(problem.errors);
      if (keys.length > 0) {
        fieldName = keys[0].split(".").pop();
        var first = problem.errors[keys[0]];
        if (first && first.length) {
          message = first[0];
        }
        // Beside its marked field the message needs no API name: "set.reps: expected..." reads "Expected..." (as the page does).
        var prefix = keys[0] + ": ";
        if (message.indexOf(prefix) === 0 && message.length > prefix.length) {
          message = message.charAt(prefix.length).toUpperCase() + message.slice(prefix.length + 1);
        }
      }
    }
    var box = form.querySelector(".field-error");
    if (box) {
      box.textContent = message;
      box.hidden = false;
    }
    if (fieldName) {
      var wanted = fieldName.toLowerCase();
      if (wanted === "exercise" || wanted === "variant") {
        wanted = field(form, "ExerciseVariant") ? "exercisevariant" : wanted;
      }
      for (var i = 0; i < form.elements.length; i++) {
        var el = form.elements[i];
        if (el.name && el.name.toLowerCase() === wanted && el.type !== "hidden") {
          el.setAttribute("aria-invalid", "true");
          break;
        }
      }
    }
    return message;
  }

  function setPayload(form) {
    var exercise = value(form, "Exercise");
    var variant = value(form, "Variant");
    var pair = value(form, "ExerciseVariant");
    if (pair) {
      var parts = pair.split("|");
      exercise = parts[0];
      variant = parts[1] || "";
    }
    var pain = field(form, "Pain");
    var load = field(form, "Load");
    var band = field(form, "Band");
    var seconds = field(form, "Seconds");
    return {
      date: value(form, "Date") || null,
      plannedSessionKey: value(form, "PlannedSessionKey") || null,
      position: number(value(form, "Position")),
      clientId: value(form, "ClientId") || null,
      set: {
        exercise: exercise,
        variant: variant,
        reps: number(value(form, "Reps")),
        load: isShown(load) ? value(form, "Load") || null : null,
        band: isShown(band) ? value(form, "Band") || null : null,
        seconds: isShown(seconds) ? number(value(form, "Seconds")) : null,
        rpe: number(value(form, "Rpe")),
        pain: !!(pain && pain.checked)
      }
    };
  }

  function sessionPayload(form) {
    return {
      plannedSessionKey: value(form, "PlannedSessionKey") || null,
      status: value(form, "Status") || "done",
      reps: number(value(form, "Reps")),
      seconds: number(value(form, "Seconds")),
      gradePercent: number(value(form, "GradePercent")),
      notes: value(form, "Notes") || null
    };
  }

  // Puts a queued set's values back into its row (after a reload the page shows what the server has, not the queue).
  function fill(form, body) {
    var set = body.set || {};
    function put(name, v) {
      var f = field(form, name);
      if (f && "value" in f && v !== null && v !== undefined) {
        f.value = String(v);
      }
    }
    put("ClientId", body.clientId);
    put("Reps", set.reps);
    put("Load", set.load);
    put("Band", set.band || "");
    put("Seconds", set.seconds);
    put("Rpe", set.rpe);
    if (set.exercise && field(form, "ExerciseVariant")) {
      put("ExerciseVariant", set.exercise + "|" + set.variant);
    }
    var pain = field(form, "Pain");
    if (pain) {
      pain.checked = !!set.pain;
    }
  }

  // ----- The "new set" form: its fields follow the exercise, and each set becomes a row of its own ---------------

  function fitFields(form, reset) {
    var select = field(form, "ExerciseVariant");
    if (!select || !select.options || select.selectedIndex < 0) {
      return;
    }
    var option = select.options[select.selectedIndex];
    var load = option.getAttribute("data-load") || "bodyweight";
    var timed = option.getAttribute("data-timed") === "true";
    var shows = {
      load: load === "external" || load === "external-plus-band",
      band: load === "band" || load === "external-plus-band",
      seconds: timed,
      reps: !timed
    };
    Object.keys(shows).forEach(function (name) {
      var label = form.querySelector("[data-field=" + name + "]");
      if (label) {
        label.hidden = !shows[name];
      }
    });
    if (reset) {
      // What fits one exercise rarely fits another: the load, band and seconds start empty again.
      ["Load", "Seconds"].forEach(function (name) {
        var f = field(form, name);
        if (f) {
          f.value = "";
        }
      });
      var band = field(form, "Band");
      if (band) {
        band.value = shows.band ? "light" : "";
      }
      if (timed) {
        var reps = field(form, "Reps");
        if (reps) {
          reps.value = "0";
        }
      }
    }
  }

  function newRowFrom(form, position) {
    var row = form.cloneNode(true);
    row.classList.remove("add-set");
    row.classList.add("added-set"); // laid out as the form it came from: exercise across, then reps and load
    row.removeAttribute("data-next-position");
    row.setAttribute("data-testid", "set-row");
    row.setAttribute("data-key", value(form, "Date") + "||" + position);
    row.setAttribute("data-label", labelOf(form) + ", set " + (position + 1));
    row.id = "set-unplanned-" + position;
    var pos = field(row, "Position");
    if (pos) {
      pos.value = String(position);
    }
    // The clone keeps what was typed, including the chosen exercise (select values are not copied by cloneNode).
    var from = field(form, "ExerciseVariant");
    var to = field(row, "ExerciseVariant");
    if (from && to) {
      to.value = from.value;
      to.removeAttribute("data-testid");
    }
    var band = field(row, "Band");
    if (band && field(form, "Band")) {
      band.value = field(form, "Band").value;
    }
    var pain = field(row, "Pain");
    if (pain && field(form, "Pain")) {
      pain.checked = field(form, "Pain").checked;
    }
    var button = row.querySelector("button[type=submit]");
    if (button) {
      button.textContent = "Update";
      button.setAttribute("data-testid", "set-done");
    }
    clearError(row);
    return row;
  }

  // A key for a set not stored yet: sending it again (a retry, an update) never logs it twice nor replaces another
  // set. Made from crypto.getRandomValues, which phones have on plain http too (randomUUID needs https).
  function newClientId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function advanceAddForm(form) {
    var next = Number(form.getAttribute("data-next-position")) + 1;
    var clientId = field(form, "ClientId");
    if (clientId) {
      clientId.value = newClientId();
    }
    form.setAttribute("data-next-position", String(next));
    form.setAttribute("data-key", value(form, "Date") + "||" + next);
    var position = field(form, "Position");
    if (position) {
      position.value = String(next);
    }
    var pain = field(form, "Pain");
    if (pain) {
      pain.checked = false;
    }
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.textContent = "Add set (repeats your last)";
    }
    clearError(form);
    setState(form, "", null);
  }

  function labelOf(form) {
    var select = field(form, "ExerciseVariant");
    if (select && select.selectedIndex >= 0) {
      return select.options[select.selectedIndex].textContent.trim();
    }
    return (form.getAttribute("data-label") || "Set").replace(/, set \d+$/, "");
  }

  // ----- Sending ---------------------------------------------------------------------------------------------------

  function showStatus(text, isError) {
    if (!status) {
      return;
    }
    status.hidden = !text;
    status.textContent = text || "";
    status.classList.toggle("error", !!isError);
  }

  function waitingText(count) {
    return count === 1
      ? "1 entry waiting to be saved (no connection); it is kept on this phone and sent when you are back online."
      : count + " entries waiting to be saved (no connection); they are kept on this phone and sent when you are back online.";
  }

  function scheduleRetry() {
    if (retryHandle) {
      return;
    }
    retryHandle = window.setTimeout(function () {
      retryHandle = null;
      flush();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  // The antiforgery token of this page's session: the API refuses changes made with the session cookie without it.
  function requestToken() {
    var meta = document.querySelector('meta[name="request-verification-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function send(item) {
    return fetch(item.url, {
      method: item.method,
      headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": requestToken() },
      body: item.body ? JSON.stringify(item.body) : undefined
    });
  }

  function stored(item, answer) {
    var form = formFor(item.key);
    clearError(form);
    setState(form, "Saved", "done");
    var button = form ? form.querySelector("button[type=submit]:not(.delete-set)") : null;
    if (button) {
      button.textContent = "Update";
    }
    var where = form ? field(form, "Position") : null;
    if (item.kind === "set" && where && answer && typeof answer.position === "number") {
      // Another phone's set held this place: the server kept it and put this one after the last.
      where.value = String(answer.position);
    }
    if (item.kind === "set" && form && answer && answer.set && answer.set.id && !form.querySelector(".delete-set")) {
      var del = document.createElement("button");
      del.type = "submit";
      del.className = "secondary delete-set";
      del.textContent = "Delete";
      del.setAttribute("data-set-id", String(answer.set.id));
      del.setAttribute("formaction", "/log?handler=DeleteSet&id=" + answer.set.id + "&date=" + value(form, "Date"));
      del.setAttribute("formnovalidate", "");
      del.setAttribute("aria-label", "Delete " + (form.getAttribute("data-label") || "this set"));
      var actions = form.querySelector(".set-actions");
      (actions || form).appendChild(del);
    }
    if (item.kind === "session") {
      var section = form ? form.closest(".planned-other") : null;
      if (section) {
        section.classList.add("done");
      }
    }
    if (item.rest && !item.restStarted) {
      startRest(item.rest);
    }
  }

  function refused(item, problem) {
    var form = formFor(item.key);
    var message = showError(form, problem);
    setState(form, "Not saved", "failed");
    showStatus((item.label || "An entry") + " was not saved: " + message + " Correct it in its row and tap it again.", true);
  }

  function flush() {
    if (sending) {
      return;
    }
    var queue = readQueue();
    if (queue.length === 0) {
      retryDelay = 2000;
      return;
    }
    sending = true;
    var item = queue[0];
    send(item).then(function (response) {
      if (response.ok) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          dequeue(item.key);
          stored(item, answer);
          retryDelay = 2000;
          return "stored";
        });
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        // The server refused the entry itself: sending it again will not help. It stays in its row to be corrected.
        return response.json().catch(function () { return {}; }).then(function (problem) {
          dequeue(item.key);
          refused(item, problem);
          return "refused";
        });
      }
      return "later";
    }).catch(function () {
      return "later";
    }).then(function (outcome) {
      sending = false;
      var left = readQueue();
      if (outcome === "later") {
        left.forEach(function (q) {
          setState(formFor(q.key), "Queued: saves when the connection is back", "queued");
          if (q.rest && !q.restStarted) {
            // Safe on the phone: the set is kept and will be sent, so the rest starts as if it were stored.
            q.restStarted = true;
            startRest(q.rest);
          }
        });
        writeQueue(left);
        showStatus(waitingText(left.length), false);
        scheduleRetry();
        return;
      }
      if (left.length > 0) {
        flush();
      } else if (outcome === "stored" && (!status || !status.classList.contains("error"))) {
        showStatus("All saved.", false);
      }
    });
  }

  // ----- Rest timer ------------------------------------------------------------------------------------------------

  function formatClock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function startRest(seconds) {
    if (!timerBox || !timerLeft || !(seconds > 0)) {
      return;
    }
    var end = Date.now() + seconds * 1000;
    timerBox.hidden = false;
    if (timerHandle) {
      window.clearInterval(timerHandle);
    }
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      timerLeft.textContent = formatClock(left);
      if (left === 0) {
        window.clearInterval(timerHandle);
        timerHandle = null;
        timerBox.classList.add("over");
        timerLeft.textContent = "Go";
      }
    }
    timerBox.classList.remove("over");
    tick();
    timerHandle = window.setInterval(tick, 250);
  }

  if (timerBox) {
    var skip = timerBox.querySelector(".rest-skip");
    if (skip) {
      skip.addEventListener("click", function () {
        if (timerHandle) {
          window.clearInterval(timerHandle);
          timerHandle = null;
        }
        timerBox.hidden = true;
      });
    }
  }

  // ----- Events ----------------------------------------------------------------------------------------------------

  document.addEventListener("click", function (event) {
    var step = event.target.closest ? event.target.closest("button.step") : null;
    if (!step) {
      return;
    }
    event.preventDefault();
    var input = step.parentElement.querySelector("input");
    if (!input) {
      return;
    }
    var by = Number(step.getAttribute("data-step"));
    var now = Number(String(input.value || "0").replace(",", "."));
    var min = input.hasAttribute("min") ? Number(input.getAttribute("min")) : 0;
    var next = Math.max(isNaN(min) ? 0 : min, (isNaN(now) ? 0 : now) + by);
    input.value = String(Math.round(next * 100) / 100);
    input.removeAttribute("aria-invalid");
  });

  if (addForm) {
    var select = field(addForm, "ExerciseVariant");
    if (select) {
      select.addEventListener("change", function () { fitFields(addForm, true); });
    }
    fitFields(addForm, false);
  }

  document.addEventListener("change", function (event) {
    var select = event.target;
    var form = select && select.form;
    if (form && form !== addForm && form.classList.contains("set-row") && select.name === "ExerciseVariant") {
      fitFields(form, true);
    }
  });

  function deleteSet(form, button) {
    var id = button.getAttribute("data-set-id");
    setState(form, "Deleting…", "pending");
    fetch("/api/log/sets/" + encodeURIComponent(id), {
      method: "DELETE",
      headers: { "Accept": "application/json", "RequestVerificationToken": requestToken() }
    }).then(function (response) {
      if (response.ok || response.status === 404) {
        if (!value(form, "PlannedSessionKey")) {
          form.parentNode.removeChild(form);
        } else {
          button.parentNode.removeChild(button);
          setState(form, "Deleted", null);
          var done = form.querySelector("button[type=submit]");
          if (done) {
            done.textContent = "Done";
          }
        }
        showStatus((form.getAttribute("data-label") || "The set") + " deleted.", false);
        return;
      }
      setState(form, "Not deleted", "failed");
      showStatus("The set could not be deleted; try again.", true);
    }).catch(function () {
      setState(form, "Not deleted: no connection", "failed");
      showStatus("No connection: the set was not deleted. Try again when you are back online.", true);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !(form.classList.contains("set-row") || form.classList.contains("session-log"))) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    if (submitter && submitter.classList.contains("delete-set")) {
      deleteSet(form, submitter);
      return;
    }

    if (form.classList.contains("session-log")) {
      var sessionKey = form.getAttribute("data-key");
      clearError(form);
      enqueue({ key: sessionKey, kind: "session", url: "/api/log/sessions", method: "PUT", body: sessionPayload(form), label: "The session" });
      setState(form, "Saving…", "pending");
      flush();
      return;
    }

    var target = form;
    var position = Number(value(form, "Position"));
    if (form === addForm) {
      // The new set becomes a row of its own at once; the form moves on to the next set, keeping the values.
      target = newRowFrom(form, position);
      if (rows) {
        rows.appendChild(target);
      }
      advanceAddForm(form);
    }
    clearError(target);
    var label = target.getAttribute("data-label") || "A set";
    enqueue({
      key: target.getAttribute("data-key"),
      kind: "set",
      url: "/api/log/sets",
      method: "PUT",
      body: setPayload(target),
      label: label,
      rest: Number(target.getAttribute("data-rest")) || 0
    });
    setState(target, "Saving…", "pending");
    showStatus("", false);
    flush();
  });

  window.addEventListener("online", function () {
    retryDelay = 2000;
    if (retryHandle) {
      window.clearTimeout(retryHandle);
      retryHandle = null;
    }
    flush();
  });

  // Entries queued on an earlier visit (the connection dropped, the phone slept) are shown and sent now.
  var waiting = readQueue();
  waiting.forEach(function (item) {
    var form = formFor(item.key);
    if (!form && item.kind === "set" && addForm && item.key.indexOf(value(addForm, "Date") + "||") === 0 && item.body) {
      // An unplanned set the server does not have yet: give it its row back, and move the new-set form past it.
      fill(addForm, item.body);
      fitFields(addForm, false);
      var position = item.body.position;
      var row = newRowFrom(addForm, position);
      if (rows) {
        rows.appendChild(row);
      }
      if (Number(addForm.getAttribute("data-next-position")) <= position) {
        addForm.setAttribute("data-next-position", String(position));
        advanceAddForm(addForm);
      }
      form = row;
    } else if (form && item.body) {
      if (item.kind === "set") {
        fill(form, item.body);
      }
    }
    item.restStarted = true; // its rest is long over
    setState(form, "Queued: saves when the connection is back", "queued");
  });
  writeQueue(waiting);
  if (waiting.length > 0) {
    showStatus(waitingText(waiting.length), false);
  }
  flush();
})();
