// The gym page (/log): one tap per set, a rest timer, and tolerance of a slow or flaky connection.
// Without this script every set form posts to the page and still works. With it, a set is put in a queue kept in
// localStorage and sent to PUT /api/log/sets until the server confirms; the server stores a set at (the day's session,
// position), so a retry replaces the same set and never logs it twice.
(function () {
  "use strict";

  var page = document.querySelector(".log-page");
  if (!page) {
    return;
  }

  var QUEUE_KEY = "runstrong.log.queue";
  var status = document.querySelector("[data-testid=sync-status]");
  var timerBox = document.querySelector(".rest-timer");
  var timerLeft = timerBox ? timerBox.querySelector(".rest-left") : null;
  var timerHandle = null;
  var retryHandle = null;
  var retryDelay = 2000;
  var sending = false;

  function readQueue() {
    try {
      var parsed = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) {
      return [];
    }
  }

  function writeQueue(queue) {
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    } catch (e) {
      // Storage full or disabled: the set stays in memory for this page only.
    }
  }

  function enqueue(item) {
    var queue = readQueue().filter(function (q) { return q.key !== item.key; });
    queue.push(item);
    writeQueue(queue);
  }

  function showStatus(text, isError) {
    if (!status) {
      return;
    }
    status.hidden = !text;
    status.textContent = text || "";
    status.classList.toggle("error", !!isError);
  }

  function formFor(key) {
    var forms = document.querySelectorAll("form.set-row");
    for (var i = 0; i < forms.length; i++) {
      if (forms[i].getAttribute("data-key") === key) {
        return forms[i];
      }
    }
    return null;
  }

  function setState(form, text, cls) {
    if (!form) {
      return;
    }
    var state = form.querySelector(".set-state");
    if (state) {
      state.textContent = text;
    }
    form.classList.remove("pending", "done", "failed");
    if (cls) {
      form.classList.add(cls);
    }
  }

  function value(form, name) {
    var field = form.elements.namedItem(name);
    return field && "value" in field ? field.value.trim() : "";
  }

  function number(text) {
    if (text === "") {
      return null;
    }
    var n = Number(text.replace(",", "."));
    return isNaN(n) ? text : n;
  }

  function payloadOf(form) {
    var exercise = value(form, "Exercise");
    var variant = value(form, "Variant");
    var pair = value(form, "ExerciseVariant");
    if (pair) {
      var parts = pair.split("|");
      exercise = parts[0];
      variant = parts[1] || "";
    }
    var pain = form.elements.namedItem("Pain");
    return {
      date: value(form, "Date") || null,
      plannedSessionKey: value(form, "PlannedSessionKey") || null,
      position: number(value(form, "Position")),
      set: {
        exercise: exercise,
        variant: variant,
        reps: number(value(form, "Reps")),
        load: value(form, "Load") || null,
        band: value(form, "Band") || null,
        seconds: number(value(form, "Seconds")),
        rpe: number(value(form, "Rpe")),
        pain: !!(pain && pain.checked)
      }
    };
  }

  function describe(set) {
    var text = set.seconds && !set.reps ? set.seconds + "s" : String(set.reps);
    if (set.load) { text += " x " + set.load; }
    if (set.band) { text += " + " + set.band + " band"; }
    if (set.rpe) { text += " @" + set.rpe; }
    if (set.pain) { text += " (pain)"; }
    return set.exercise + " (" + set.variant + ") " + text;
  }

  function pendingText(count) {
    return count === 1 ? "1 set waiting to be saved; retrying…" : count + " sets waiting to be saved; retrying…";
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

  function advance(form) {
    // The unplanned form takes the next position at once, so two quick taps are two sets, not one set sent twice.
    var next = Number(form.getAttribute("data-next-position")) + 1;
    form.setAttribute("data-next-position", String(next));
    form.setAttribute("data-key", value(form, "Date") + "||" + next);
    var position = form.elements.namedItem("Position");
    if (position) {
      position.value = String(next);
    }
  }

  function confirmed(item) {
    if (item.unplanned) {
      var list = document.querySelector("[data-testid=unplanned-sets]");
      if (list) {
        var li = document.createElement("li");
        li.textContent = describe(item.body.set);
        list.appendChild(li);
      }
      setState(document.querySelector("form.add-set"), "Saved", "done");
      return;
    }
    var form = formFor(item.key);
    setState(form, "Saved", "done");
    var button = form ? form.querySelector("button[type=submit]") : null;
    if (button) {
      button.textContent = "Update";
    }
  }

  // The antiforgery token of this page's session: the API refuses changes made with the session cookie without it.
  function requestToken() {
    var meta = document.querySelector('meta[name="request-verification-token"]');
    return meta ? meta.getAttribute("content") : "";
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
    fetch("/api/log/sets", {
      method: "PUT",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": requestToken() },
      body: JSON.stringify(item.body)
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function () {
          writeQueue(readQueue().filter(function (q) { return q.key !== item.key; }));
          confirmed(item);
          retryDelay = 2000;
          return true;
        });
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        // The server refused the set itself: retrying will not help; say why and drop it.
        return response.json().catch(function () { return {}; }).then(function (problem) {
          writeQueue(readQueue().filter(function (q) { return q.key !== item.key; }));
          var message = (problem && (problem.detail || problem.title)) || "The set was refused.";
          setState(formFor(item.key), message, "failed");
          showStatus(message, true);
          return true;
        });
      }
      return false;
    }).catch(function () {
      return false;
    }).then(function (handled) {
      sending = false;
      var left = readQueue().length;
      if (!handled) {
        showStatus(pendingText(left), false);
        scheduleRetry();
        return;
      }
      if (left > 0) {
        flush();
      } else if (!status || !status.classList.contains("error")) {
        showStatus("All sets saved.", false);
      }
    });
  }

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

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("set-row")) {
      return;
    }
    event.preventDefault();
    var body = payloadOf(form);
    var key = form.getAttribute("data-key");
    var unplanned = form.classList.contains("add-set");
    enqueue({ key: key, body: body, unplanned: unplanned });
    setState(form, "Saving…", "pending");
    if (unplanned) {
      advance(form);
    }
    startRest(Number(form.getAttribute("data-rest")));
    flush();
  });

  window.addEventListener("online", flush);

  // Sets queued on an earlier visit (the connection dropped, the phone slept) are sent now.
  var waiting = readQueue();
  waiting.forEach(function (item) { setState(formFor(item.key), "Waiting to save", "pending"); });
  if (waiting.length > 0) {
    showStatus(pendingText(waiting.length), false);
  }
  flush();
})();
