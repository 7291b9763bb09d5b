// The phone page of the room: join, then whatever phase the facilitator has opened.
// Every text from the user or the server is set with textContent, never as HTML.
"use strict";

(function () {
  const STORE = "problem-workshop-room";
  const POLL_MS = 2000;
  const REQUEST_MS = 10000;
  const MAX_BUSY_TRIES = 4;

  const $ = (id) => document.getElementById(id);

  let session = load(STORE + ":session");   // {token, code, name, device}
  let outbox = load(STORE + ":outbox") || [];   // [{key, request}] not yet answered
  let joining = load(STORE + ":joining");   // {code, name, key}: a join not yet answered
  let sentIdeas = Number(load(STORE + ":sent") || 0);
  let state = null;
  let pollHandle = null;
  let polling = false;
  let acks = 0;          // answers received; a poll started before one is stale
  let sending = false;
  let flashHandle = null;
  const cellState = new Map();  // "alternative|criterion" -> {kind, text}
  const keys = {ideas: "", dots: "", scores: ""};
  let shownPhase = "";
  const clock = {left: null, running: false, deadline: 0, shownLeft: null};

  // ---- storage -------------------------------------------------------------------------

  function load(name) {
    try {
      const raw = window.localStorage.getItem(name);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function save(name, value) {
    try {
      if (value === null) window.localStorage.removeItem(name);
      else window.localStorage.setItem(name, JSON.stringify(value));
    } catch (e) {
      // Private mode or a full store: the page still works until it is reloaded.
    }
  }

  function newKey() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // ---- small DOM helpers ---------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function setText(id, text) {
    const node = $(id);
    node.textContent = text === null || text === undefined ? "" : String(text);
    return node;
  }

  function showError(id, message) {
    setText(id, message || "");
    show(id, Boolean(message));
  }

  function flash(message) {
    setText("room-flash", message);
    show("room-flash", true);
    if (flashHandle) window.clearTimeout(flashHandle);
    flashHandle = window.setTimeout(() => show("room-flash", false), 3000);
  }

  function plural(count, one, many) {
    return count === 1 ? one : many;
  }

  function formatNumber(value) {
    if (typeof value === "boolean") return value ? "pass" : "fail";
    if (typeof value !== "number" || !isFinite(value)) return "";
    return String(Math.round(value * 100) / 100);
  }

  // ---- reading the state the server sends ----------------------------------------------

  const list = (value) => (Array.isArray(value) ? value : []);
  const phaseOf = (s) => (s && s.phase) || {kind: "closed"};
  const scaleOf = (s) => (s && s.scale) || {min: 1, max: 10};
  const mineOf = (s) => (s && s.mine) || {};
  const groupOf = (s) => (s && s.group) || null;

  function myDots(s) {
    return mineOf(s).dots || {};
  }

  function myScores(s) {
    const found = new Map();
    for (const item of list(mineOf(s).scores)) {
      found.set(item.alternative + "|" + item.criterion, item.value);
    }
    return found;
  }

  function dotBudget(s) {
    const dots = (s && s.dots) || {};
    return typeof dots.budget === "number" ? dots.budget : 0;
  }

  function dotCap(s) {
    const dots = (s && s.dots) || {};
    return typeof dots.cap === "number" ? dots.cap : null;
  }

  // ---- screens -------------------------------------------------------------------------

  function showJoin(message) {
    stopPolling();
    state = null;
    shownPhase = "";
    show("room-screen", false);
    show("foot", false);
    show("who", false);
    show("timer", false);
    show("connection", false);
    show("room-error", false);
    show("room-flash", false);
    setText("case-title", "Problem Workshop");
    show("join-screen", true);
    const params = new URLSearchParams(window.location.search);
    const code = (params.get("room") || (session && session.code) || "").toUpperCase();
    if (code && !$("join-code").value) $("join-code").value = code;
    const lastName = load(STORE + ":name");
    if (lastName && !$("join-name").value) $("join-name").value = lastName;
    showError("join-error", message || "");
    ($("join-code").value ? $("join-name") : $("join-code")).focus();
  }

  function showRoom() {
    show("join-screen", false);
    show("room-screen", true);
    show("foot", true);
    setText("who", "You: " + (session.name || "anonymous"));
    show("who", true);
    if (!state) {
      setText("phase-step", "");
      setText("phase-title", "Connecting\u2026");
      setText("phase-hint", "");
    }
    startPolling();
  }

  async function onJoin(event) {
    event.preventDefault();
    const code = $("join-code").value.replace(/\s+/g, "").toUpperCase();
    const name = $("join-name").value.trim();
    $("join-code").value = code;
    if (!code) {
      showError("join-error", "Type the room code shown on the projector.");
      $("join-code").focus();
      return;
    }
    // The same join keeps its key until it is answered: a retry after a lost reply (or
    // after a reload) gets the same token and device instead of joining twice.
    if (!joining || joining.code !== code || joining.name !== name) {
      joining = {code: code, name: name, key: newKey()};
      save(STORE + ":joining", joining);
    }
    const button = $("join-button");
    button.disabled = true;
    button.textContent = "Joining\u2026";
    showError("join-error", "");
    try {
      const body = {code: code, name: name, key: joining.key};
      let reply = await call("POST", "/api/join", body, null);
      for (let tries = 1, wait = 1000; (reply.network || reply.status === 503) &&
          tries < MAX_BUSY_TRIES; tries++, wait = Math.min(wait * 2, 8000)) {
        showError("join-error", reply.error + " Trying again\u2026");
        await new Promise((resolve) => window.setTimeout(resolve, wait));
        reply = await call("POST", "/api/join", body, null);
      }
      if (reply.network || reply.status === 503) {
        showError("join-error", reply.error);  // the key stays: Join again retries it
        return;
      }
      joining = null;
      save(STORE + ":joining", null);
      if (!reply.ok) {
        showError("join-error", reply.error);
        return;
      }
      session = {token: reply.body.token, code: code, name: reply.body.name || name,
        device: reply.body.device};
      save(STORE + ":session", session);
      save(STORE + ":name", name || null);
      sentIdeas = 0;
      save(STORE + ":sent", 0);
      outbox = [];
      save(STORE + ":outbox", outbox);
      showRoom();
    } finally {
      button.disabled = false;
      button.textContent = "Join";
    }
  }

  function leave() {
    session = null;
    outbox = [];
    save(STORE + ":session", null);
    save(STORE + ":outbox", null);
    save(STORE + ":sent", null);
    $("join-code").value = "";
    showJoin("");
  }

  let leaveArmed = null;
  function onLeave() {
    const button = $("leave-button");
    if (leaveArmed) {
      window.clearTimeout(leaveArmed);
      leaveArmed = null;
      button.textContent = "Leave this room";
      leave();
      return;
    }
    button.textContent = "Tap again to leave (your entries stay in the room)";
    leaveArmed = window.setTimeout(() => {
      leaveArmed = null;
      button.textContent = "Leave this room";
    }, 4000);
  }

  // ---- talking to the laptop -----------------------------------------------------------

  // Returns {ok, status, body, error, network}; never throws.
  async function call(method, path, body, token) {
    const controller = new AbortController();
    const stop = window.setTimeout(() => controller.abort(), REQUEST_MS);
    const headers = {};
    if (token) headers.Authorization = "Bearer " + token;
    if (body !== null) headers["Content-Type"] = "application/json";
    try {
      const response = await fetch(path, {
        method: method, headers: headers, cache: "no-store", credentials: "omit",
        body: body === null ? undefined : JSON.stringify(body), signal: controller.signal,
      });
      let data = null;
      try {
        data = await response.json();
      } catch (e) {
        data = null;
      }
      const error = data && typeof data.error === "string" ? data.error
        : "The laptop answered " + response.status + ".";
      return {ok: response.ok, status: response.status, body: data,
        error: response.ok ? "" : error, network: false};
    } catch (e) {
      return {ok: false, status: 0, body: null, network: true,
        error: "Cannot reach the laptop. Check that this phone is on the room's Wi-Fi."};
    } finally {
      window.clearTimeout(stop);
    }
  }

  function startPolling() {
    if (pollHandle === null && !polling) poll();
  }

  function stopPolling() {
    if (pollHandle !== null) window.clearTimeout(pollHandle);
    pollHandle = null;
  }

  function schedulePoll(delay) {
    if (pollHandle !== null) window.clearTimeout(pollHandle);
    pollHandle = window.setTimeout(poll, delay);
  }

  async function poll() {
    pollHandle = null;
    if (!session) return;
    if (polling) {
      schedulePoll(POLL_MS);
      return;
    }
    polling = true;
    const acksBefore = acks;
    const reply = await call("GET", "/api/state", null, session.token);
    polling = false;
    if (!session) return;
    if (reply.status === 401) {
      leaveSession("This phone is no longer in the room (the room closed or the facilitator " +
        "removed it). Join again with the code on the projector.");
      return;
    }
    if (reply.network || reply.status >= 500) {
      setText("connection", reply.network ? "No connection to the laptop. Trying again\u2026"
        : reply.error);
      show("connection", true);
    } else {
      show("connection", false);
    }
    if (reply.ok && reply.body && acksBefore === acks) {
      state = reply.body;
      render();
    }
    schedulePoll(acksBefore === acks ? POLL_MS : 0);
    if (outbox.length && !sending) drain();
  }

  function leaveSession(message) {
    session = null;
    outbox = [];
    save(STORE + ":session", null);
    save(STORE + ":outbox", null);
    showJoin(message);
  }

  // Queues one request; it is sent in order and retried with the same key until answered.
  function submit(request) {
    const entry = {key: newKey(), request: request};
    outbox.push(entry);
    save(STORE + ":outbox", outbox);
    render();
    drain();
    return entry;
  }

  async function drain() {
    if (sending) return;
    sending = true;
    let busyTries = 0;
    let wait = 1000;
    while (outbox.length && session) {
      const entry = outbox[0];
      const reply = await call("POST", "/api/submit", {key: entry.key, request: entry.request},
        session.token);
      if (!session) break;
      if (reply.network || ((reply.status === 503 || reply.status === 429) &&
          ++busyTries < MAX_BUSY_TRIES)) {
        setText("connection", reply.network ? "Not sent yet: no connection. Trying again\u2026"
          : reply.error + " Trying again\u2026");
        show("connection", true);
        await new Promise((resolve) => window.setTimeout(resolve, wait));
        wait = Math.min(wait * 2, 8000);
        continue;
      }
      show("connection", false);
      busyTries = 0;
      wait = 1000;
      outbox.shift();
      save(STORE + ":outbox", outbox);
      acks += 1;
      if (reply.status === 401) {
        leaveSession("This phone is no longer in the room. Join again with the code on the " +
          "projector.");
        break;
      }
      answered(entry, reply);
    }
    sending = false;
    render();
    if (session) schedulePoll(0);
  }

  // What an answer means for the page: a note, and the local copy of the phone's entries.
  function answered(entry, reply) {
    const request = entry.request;
    if (request.kind === "idea") {
      if (reply.ok) {
        sentIdeas += 1;
        save(STORE + ":sent", sentIdeas);
        flash("Sent. Thank you!");
        if (state) {
          const mine = state.mine || (state.mine = {});
          mine.ideas = list(mine.ideas).concat([{text: request.text}]);
        }
      } else {
        showError("room-error", reply.error);
        if (!$("idea-text").value) $("idea-text").value = request.text;
      }
    } else if (request.kind === "dot") {
      if (reply.ok && state) {
        const mine = state.mine || (state.mine = {});
        const dots = mine.dots || (mine.dots = {});
        dots[request.cause] = Math.max(0, (dots[request.cause] || 0) + request.delta);
      } else if (!reply.ok) {
        showError("room-error", reply.error);
      }
    } else if (request.kind === "score") {
      const id = request.alternative + "|" + request.criterion;
      if (reply.ok) {
        cellState.set(id, {kind: "saved", text: "Saved"});
        if (state) {
          const mine = state.mine || (state.mine = {});
          const scores = list(mine.scores).filter((item) =>
            item.alternative !== request.alternative || item.criterion !== request.criterion);
          if (request.value !== null) {
            scores.push({alternative: request.alternative, criterion: request.criterion,
              value: request.value});
          }
          mine.scores = scores;
        }
      } else {
        cellState.set(id, {kind: "failed", text: reply.error});
      }
    }
    if (reply.ok) showError("room-error", "");
  }

  function pendingDots(cause) {
    let total = 0;
    for (const entry of outbox) {
      if (entry.request.kind === "dot" && entry.request.cause === cause) {
        total += entry.request.delta;
      }
    }
    return total;
  }

  function pendingScore(alternative, criterion) {
    let found;
    for (const entry of outbox) {
      const r = entry.request;
      if (r.kind === "score" && r.alternative === alternative && r.criterion === criterion) {
        found = r;
      }
    }
    return found;
  }

  // ---- the timer -----------------------------------------------------------------------

  function readTimer() {
    const phase = phaseOf(state);
    const left = typeof phase.timer_left === "number" ? phase.timer_left : null;
    const running = Boolean(phase.timer_running) && left !== null;
    // The laptop counts down too (whole seconds): follow it when it differs by more than
    // a second, so the phone's clock neither jumps back and forth nor drifts.
    const shown = clock.running ? Math.ceil((clock.deadline - Date.now()) / 1000) : clock.left;
    const near = left !== null && shown !== null && Math.abs(shown - left) <= 1;
    if (running !== clock.running || (left === null) !== (clock.left === null) || !near ||
        (!running && left !== clock.left)) {
      clock.deadline = Date.now() + (left || 0) * 1000;
    }
    clock.left = left;
    clock.running = running;
    drawTimer();
  }

  function drawTimer() {
    const node = $("timer");
    if (!state || clock.left === null) {
      node.hidden = true;
      return;
    }
    const left = clock.running
      ? Math.max(0, Math.ceil((clock.deadline - Date.now()) / 1000)) : clock.left;
    const drawn = left + (clock.running ? " running" : " paused");
    if (drawn === clock.shownLeft && !node.hidden) return;
    clock.shownLeft = drawn;
    const minutes = Math.floor(left / 60);
    const seconds = String(left % 60).padStart(2, "0");
    node.hidden = false;
    node.className = "timer" + (left === 0 ? " up" : !clock.running ? " paused"
      : left <= 60 ? " low" : "");
    setText("timer-time", minutes + ":" + seconds);
    setText("timer-label", left === 0 ? "time is up" : clock.running ? "left" : "paused");
    node.setAttribute("aria-label", left === 0 ? "Time is up"
      : minutes + " minutes " + (left % 60) + " seconds left" + (clock.running ? "" : ", paused"));
  }

  // ---- drawing the room ----------------------------------------------------------------

  const PHASES = {
    closed: ["", "Waiting for the facilitator", ""],
    cause: ["Step 2 \u00b7 Causes", "Possible causes",
      "Write one possible cause at a time and pick the heading it fits best. " +
      "It goes straight to the facilitator's screen."],
    alternative: ["Step 4 \u00b7 Alternatives", "Ideas to solve it",
      "Write one idea at a time. It goes straight to the facilitator's screen."],
    dots: ["Step 2 \u00b7 Dot voting", "Which causes matter most?",
      "Put your dots on the causes you think matter most."],
    scores: ["Step 5 \u00b7 Scoring", "Score the alternatives",
      "Score each alternative against each criterion."],
  };

  function render() {
    if (!state || !session) return;
    const phase = phaseOf(state);
    const kind = ["ideas", "dots", "scores"].includes(phase.kind) ? phase.kind : "closed";
    const target = phase.ideas_target === "alternative" ? "alternative" : "cause";
    const words = PHASES[kind === "ideas" ? target : kind];
    setText("case-title", state.title || "Problem Workshop");
    setText("who", "You: " + (state.name || session.name || "anonymous"));
    setText("phase-step", words[0]);
    setText("phase-title", words[1]);
    setText("phase-hint", words[2]);
    show("phase-hint", Boolean(words[2]));
    const question = state.question || "";
    setText("question", question);
    show("question", Boolean(question) && kind === "ideas");
    show("closed-panel", kind === "closed");
    show("ideas-panel", kind === "ideas");
    show("dots-panel", kind === "dots");
    show("scores-panel", kind === "scores");
    const opened = kind === "ideas" ? kind + " " + target : kind;
    if (opened !== shownPhase) {
      shownPhase = opened;
      window.scrollTo(0, 0);  // a new phase starts at its title
    }
    if (kind === "ideas") renderIdeas(target);
    if (kind === "dots") renderDots(phase);
    if (kind === "scores") renderScores();
    readTimer();
  }

  function headingName(id) {
    for (const heading of list(state.headings)) {
      if (heading.id === id) return heading.name;
    }
    return "Other";
  }

  function renderIdeas(target) {
    const select = $("idea-heading");
    const headings = list(state.headings);
    const key = target + JSON.stringify(headings);
    if (key !== keys.ideas) {
      keys.ideas = key;
      const chosen = select.value;
      select.replaceChildren();
      for (const heading of headings) {
        const option = el("option", "", heading.name);
        option.value = heading.id;
        select.append(option);
      }
      if (headings.some((h) => h.id === chosen)) select.value = chosen;
      setText("idea-label", target === "cause" ? "Possible cause" : "Your idea");
    }
    show("heading-field", target === "cause");

    const waiting = list(mineOf(state).ideas).map((idea) =>
      (typeof idea === "string" ? idea : idea.text));
    const queued = outbox.filter((e) => e.request.kind === "idea").map((e) => e.request.text);
    const mineList = $("mine-list");
    mineList.replaceChildren();
    for (const text of waiting) mineList.append(el("li", "", text));
    for (const text of queued) mineList.append(el("li", "muted", text + " (sending\u2026)"));
    let title = "Waiting for the facilitator";
    if (sentIdeas > 0) {
      title = "You sent " + sentIdeas + " " + plural(sentIdeas, "idea", "ideas");
      if (waiting.length) title += "; waiting for the facilitator:";
    }
    setText("mine-title", title);
    show("mine-list", waiting.length + queued.length > 0);
    show("mine-box", sentIdeas > 0 || waiting.length + queued.length > 0);

    const board = $("board-list");
    board.replaceChildren();
    let items = [];
    if (target === "cause") {
      const heading = select.value;
      items = list(state.causes).filter((c) => c.category === heading).map((c) => c.text);
      setText("board-title", "Already on the board under \u201c" + headingName(heading) +
        "\u201d");
    } else {
      items = list(state.alternatives).map((a) => a.name);
      setText("board-title", "Already on the board");
    }
    for (const text of items) board.append(el("li", "", text));
    if (!items.length) board.append(el("li", "muted", "Nothing yet."));
    show("board-box", true);
  }

  function onIdea(event) {
    event.preventDefault();
    const box = $("idea-text");
    const text = box.value.replace(/\s*[\r\n]+\s*/g, " ").trim();
    const target = phaseOf(state).ideas_target === "alternative" ? "alternative" : "cause";
    if (!text) {
      showError("room-error", "Write your idea in the box first.");
      box.focus();
      return;
    }
    const request = {kind: "idea", text: text};
    if (target === "cause") {
      if (!$("idea-heading").value) {
        showError("room-error", "There is no heading to put a cause under yet.");
        return;
      }
      request.category = $("idea-heading").value;
    } else {
      request.category = null;
    }
    showError("room-error", "");
    box.value = "";
    submit(request);
    box.focus();
  }

  function onIdeaKey(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      onIdea(event);
    }
  }

  function dotsSpent() {
    let total = 0;
    const dots = myDots(state);
    for (const cause of Object.keys(dots)) total += dots[cause];
    for (const entry of outbox) {
      if (entry.request.kind === "dot") total += entry.request.delta;
    }
    return total;
  }

  function renderDots(phase) {
    const budget = dotBudget(state);
    const cap = dotCap(state);
    const left = Math.max(0, budget - dotsSpent());
    const group = groupOf(state);
    const totals = (phase.dots_revealed && group && group.dots) || null;
    setText("dots-left", left);
    setText("dots-left-words", "of " + budget + " " + plural(budget, "dot", "dots") + " left");
    let note = cap !== null ? "At most " + cap + " on one cause. " : "";
    note += totals ? "The facilitator has revealed the room's dots."
      : "Nobody sees your dots until the facilitator reveals them.";
    setText("dots-cap", note);

    const causes = list(state.causes);
    const key = JSON.stringify([causes, list(state.headings)]);
    const box = $("dots-list");
    if (key !== keys.dots) {
      keys.dots = key;
      box.replaceChildren();
      const order = list(state.headings).map((h) => h.id);
      for (const c of causes) if (!order.includes(c.category)) order.push(c.category);
      for (const heading of order) {
        const here = causes.filter((c) => c.category === heading);
        if (!here.length) continue;
        box.append(el("h2", "group-title", headingName(heading)));
        for (const cause of here) box.append(dotRow(cause));
      }
      if (!causes.length) box.append(el("p", "hint", "There are no causes to vote on yet."));
    }
    const mine = myDots(state);
    for (const row of box.querySelectorAll(".dot-row")) {
      const cause = row.dataset.cause;
      const count = Math.max(0, (mine[cause] || 0) + pendingDots(cause));
      row.querySelector("output").textContent = String(count);
      row.classList.toggle("has-dots", count > 0);
      row.querySelector(".minus").disabled = count <= 0;
      row.querySelector(".plus").disabled = left <= 0 || (cap !== null && count >= cap);
      const total = row.querySelector(".dot-total");
      if (totals) {
        const n = totals[cause] || 0;
        total.textContent = "Room: " + n + " " + plural(n, "dot", "dots");
      }
      total.hidden = !totals;
    }
  }

  function dotRow(cause) {
    const row = el("div", "dot-row");
    row.dataset.cause = cause.id;
    const words = el("div", "dot-text");
    words.append(el("span", "", cause.text), el("span", "dot-total"));
    const stepper = el("div", "stepper");
    const minus = el("button", "minus", "\u2212");
    minus.type = "button";
    minus.setAttribute("aria-label", "Take a dot back from: " + cause.text);
    const count = el("output", "", "0");
    count.setAttribute("aria-live", "polite");
    const plus = el("button", "plus", "+");
    plus.type = "button";
    plus.setAttribute("aria-label", "Put a dot on: " + cause.text);
    stepper.append(minus, count, plus);
    row.append(words, stepper);
    return row;
  }

  function onDotClick(event) {
    const button = event.target.closest("button");
    if (!button || button.disabled) return;
    const row = button.closest(".dot-row");
    if (!row) return;
    const delta = button.classList.contains("plus") ? 1 : -1;
    showError("room-error", "");
    submit({kind: "dot", cause: row.dataset.cause, delta: delta});
  }

  function renderScores() {
    const alternatives = list(state.alternatives);
    const criteria = list(state.criteria);
    const scale = scaleOf(state);
    const blind = state.blind || {};
    const group = groupOf(state);
    const key = JSON.stringify([alternatives, criteria, scale]);
    const box = $("scores-list");
    if (key !== keys.scores) {
      keys.scores = key;
      box.replaceChildren();
      for (const alternative of alternatives) box.append(scoreCard(alternative, criteria, scale));
      if (!alternatives.length) box.append(el("p", "hint", "There is nothing to score yet."));
      if (alternatives.length && !criteria.length) {
        box.append(el("p", "hint", "There are no criteria yet."));
      }
    }
    const mine = myScores(state);
    const cells = new Map();
    const contested = new Set();
    if (group) {
      for (const cell of list(group.cells)) {
        cells.set(cell.alternative + "|" + cell.criterion, cell.value);
      }
      for (const cell of list(group.contested)) {
        contested.add(cell.alternative + "|" + cell.criterion);
      }
    }
    const revealed = Boolean(group && Array.isArray(group.cells));
    let done = 0;
    for (const card of box.querySelectorAll(".alt-card")) {
      let doneHere = 0;
      for (const cell of card.querySelectorAll(".cell")) {
        const id = card.dataset.alternative + "|" + cell.dataset.criterion;
        const queued = pendingScore(card.dataset.alternative, cell.dataset.criterion);
        const value = queued ? queued.value : mine.get(id);
        const has = value !== undefined && value !== null;
        if (has) doneHere += 1;
        drawCell(cell, id, value, queued);
        const line = cell.querySelector(".group-line");
        line.replaceChildren();
        if (cells.has(id) && cells.get(id) !== null) {
          line.append("Room: " + formatNumber(cells.get(id)));
        }
        if (contested.has(id)) line.append(el("span", "badge", "Contested"));
        line.hidden = !line.childNodes.length;
      }
      done += doneHere;
      const total = card.querySelectorAll(".cell").length;
      card.querySelector(".alt-done").textContent = doneHere + " of " + total + " scored";
    }
    const all = alternatives.length * criteria.length;
    setText("scored-count", done);
    setText("scored-words", "of " + all + " scored");
    let hint = "Wants: a number from " + formatNumber(scale.min) + " (poor) to " +
      formatNumber(scale.max) + " (best). Musts: pass or fail. ";
    if (blind.on && !revealed) {
      hint += "Your scores stay private until the facilitator reveals them.";
    } else if (blind.on) {
      hint += "Revealed: the room's values are shown under yours.";
    } else if (revealed) {
      hint += "The room's values are shown under yours.";
    }
    setText("scale-hint", hint);
  }

  function drawCell(cell, id, value, queued) {
    const status = cell.querySelector(".cell-state");
    const note = queued ? {kind: "", text: "Sending\u2026"} : cellState.get(id);
    status.textContent = note ? note.text : "";
    status.className = "cell-state" + (note && note.kind ? " " + note.kind : "");
    if (cell.dataset.kind === "must") {
      for (const button of cell.querySelectorAll(".choice")) {
        button.setAttribute("aria-pressed",
          String(value === (button.dataset.value === "pass")));
      }
      return;
    }
    const input = cell.querySelector("input");
    const failed = note && note.kind === "failed";
    if (document.activeElement !== input && !failed) {
      input.value = value === undefined || value === null ? "" : formatNumber(value);
    }
  }

  let cellCount = 0;
  function scoreCard(alternative, criteria, scale) {
    const card = el("section", "alt-card");
    card.dataset.alternative = alternative.id;
    const title = el("h2", "", alternative.name);
    title.append(" ", el("span", "alt-done"));
    card.append(title);
    for (const criterion of criteria) {
      const cell = el("div", "cell");
      cell.dataset.criterion = criterion.id;
      cell.dataset.kind = criterion.kind === "must" ? "must" : "want";
      const inputId = "cell-" + (++cellCount);
      const name = el("label", "cell-name", criterion.name);
      name.htmlFor = inputId;
      const kind = criterion.kind === "must" ? "Must" : "Want" +
        (typeof criterion.weight === "number" ? ", weight " + formatNumber(criterion.weight) : "");
      name.append(" ", el("span", "cell-kind", "(" + kind + ")"));
      const row = el("div", "cell-row");
      if (criterion.kind === "must") {
        const pass = el("button", "choice pass", "Pass");
        const fail = el("button", "choice fail", "Fail");
        pass.id = inputId;
        for (const [button, word] of [[pass, "pass"], [fail, "fail"]]) {
          button.type = "button";
          button.dataset.value = word;
          button.setAttribute("aria-pressed", "false");
          row.append(button);
        }
      } else {
        const input = el("input");
        input.id = inputId;
        input.type = "number";
        input.inputMode = "decimal";
        input.min = String(scale.min);
        input.max = String(scale.max);
        input.step = "any";
        input.placeholder = "\u2013";
        input.setAttribute("aria-label", alternative.name + ": " + criterion.name);
        row.append(input);
      }
      row.append(el("span", "cell-state"));
      cell.append(name, row, el("p", "group-line"));
      card.append(cell);
    }
    return card;
  }

  function onScoreClick(event) {
    const button = event.target.closest(".choice");
    if (!button) return;
    const cell = button.closest(".cell");
    const card = button.closest(".alt-card");
    showError("room-error", "");
    cellState.delete(card.dataset.alternative + "|" + cell.dataset.criterion);
    submit({kind: "score", alternative: card.dataset.alternative,
      criterion: cell.dataset.criterion, value: button.dataset.value === "pass"});
  }

  function onScoreChange(event) {
    const input = event.target;
    if (input.tagName !== "INPUT") return;
    const cell = input.closest(".cell");
    const card = input.closest(".alt-card");
    const id = card.dataset.alternative + "|" + cell.dataset.criterion;
    const raw = input.value.trim().replace(",", ".");
    const scale = scaleOf(state);
    let value = null;
    if (raw !== "") {
      value = Number(raw);
      if (!isFinite(value) || value < scale.min || value > scale.max || input.validity.badInput) {
        cellState.set(id, {kind: "failed", text: "Use a number from " + formatNumber(scale.min) +
          " to " + formatNumber(scale.max) + "."});
        render();
        return;
      }
    } else if (input.validity.badInput) {
      cellState.set(id, {kind: "failed", text: "That is not a number."});
      render();
      return;
    }
    const before = myScores(state).get(id);
    if ((before === undefined ? null : before) === value) {
      cellState.delete(id);
      render();
      return;
    }
    cellState.delete(id);
    submit({kind: "score", alternative: card.dataset.alternative,
      criterion: cell.dataset.criterion, value: value});
  }

  // ---- start ---------------------------------------------------------------------------

  function start() {
    $("join-form").addEventListener("submit", onJoin);
    $("idea-form").addEventListener("submit", onIdea);
    $("idea-text").addEventListener("keydown", onIdeaKey);
    $("idea-heading").addEventListener("change", () => render());
    $("dots-list").addEventListener("click", onDotClick);
    $("scores-list").addEventListener("click", onScoreClick);
    $("scores-list").addEventListener("change", onScoreChange);
    $("leave-button").addEventListener("click", onLeave);
    $("room-error").addEventListener("click", () => showError("room-error", ""));
    $("join-code").addEventListener("input", () => {
      const input = $("join-code");
      const upper = input.value.toUpperCase();
      if (upper !== input.value) input.value = upper;
    });
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden && session) schedulePoll(0);
    });
    window.setInterval(drawTimer, 250);

    const params = new URLSearchParams(window.location.search);
    const code = (params.get("room") || "").toUpperCase();
    if (session && session.token && (!code || code === session.code)) showRoom();
    else showJoin("");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
