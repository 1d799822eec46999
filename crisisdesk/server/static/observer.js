"use strict";
// Observer page: the quick-entry line with role / type / inject pickers, the live
// courante, and the expected-responses checklist. An entry says "enregistré" only
// when the server answered that the session file holds it.
(function () {
  const { el } = Room;
  const KIND_LABELS = { decision: "Décision", action: "Action", information: "Information",
    request: "Demande", communication: "Communication", observation: "Observation" };
  const STATUS_LABELS = Room.boot.check_words;  // the core glossary's words (obtenue, partielle, manquée)
  const form = document.getElementById("entry-form");
  const line = document.getElementById("line");
  const roleSel = document.getElementById("role");
  const kindSel = document.getElementById("kind");
  const injectSel = document.getElementById("inject");
  const entriesEl = document.getElementById("entries");
  const checklistEl = document.getElementById("checklist");
  const queueEl = document.getElementById("queue-note");
  const correcting = document.getElementById("correcting");
  let supersedes = null;
  let roleNames = {};
  const recent = [];  // this device's latest writes: {id, label, state}

  function fillSelect(select, options, keepFirst) {
    const value = select.value;
    while (select.options.length > (keepFirst ? 1 : 0)) select.remove(keepFirst ? 1 : 0);
    for (const [val, label] of options) select.append(el("option", { value: val, text: label }));
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }

  function time(entry) {
    return entry.elapsed === null || entry.elapsed === undefined ? "briefing" : "T+" + Room.hms(entry.elapsed);
  }

  function renderEntries(entries) {
    entriesEl.replaceChildren(...entries.slice().reverse().map((e) => el("li", { class: "entry", "data-id": e.id },
      el("div", { class: "entry-head" },
        el("span", { class: "time", text: time(e) }),
        e.role ? el("span", { class: "role", text: e.role }) : null,
        el("span", { class: "kind", text: KIND_LABELS[e.kind] || e.kind }),
        e.inject_id ? el("span", { class: "inject", text: "→ " + e.inject_id }) : null,
        e.revision > 1 ? el("span", { class: "rev", text: "corrigée" }) : null,
        el("span", { class: "by", text: e.observer })),
      el("div", { class: "entry-text", text: e.text }),
      e.tags.length ? el("div", { class: "tags", text: e.tags.map((t) => "#" + t).join(" ") }) : null,
      e.observer === Room.name ? el("button", { type: "button", class: "link correct", text: "corriger",
        onclick: () => startCorrection(e) }) : null)));
  }

  function startCorrection(entry) {
    supersedes = entry.id;
    roleSel.value = entry.role || "";
    kindSel.value = entry.kind;
    injectSel.value = entry.inject_id || "";
    line.value = entry.text;
    document.getElementById("correcting-text").textContent = "« " + entry.text.slice(0, 60) + " »";
    correcting.hidden = false;
    line.focus();
  }
  document.getElementById("cancel-correction").addEventListener("click", () => {
    supersedes = null; correcting.hidden = true; line.value = "";
  });

  function renderChecklist(injects) {
    const withExpected = injects.filter((inj) => inj.expected.length).slice().reverse();
    if (!withExpected.length) {
      checklistEl.replaceChildren(el("p", { class: "empty", text: "Aucun inject joué n'attend de réponse." }));
      return;
    }
    checklistEl.replaceChildren(...withExpected.map((inj) => el("div", { class: "check-inject" },
      el("h3", {}, el("span", { class: "inject-id", text: inj.id }), " ", inj.title),
      ...inj.expected.map((item) => el("div", { class: "check-item" + (item.status ? " is-" + item.status : "") },
        el("div", { class: "check-text" }, el("span", { class: "role", text: item.role }), " ", item.action),
        el("div", { class: "check-buttons", role: "group", "aria-label": "Verdict" },
          ...["met", "partial", "missed"].map((status) => el("button", {
            type: "button", class: "verdict v-" + status + (item.status === status ? " chosen" : ""),
            "aria-pressed": item.status === status ? "true" : "false", text: STATUS_LABELS[status],
            onclick: () => check(inj.id, item.index, status),
          }))))))));
  }

  function check(injectId, index, status) {
    const id = Room.send("/api/checks", { inject_id: injectId, index, status }, injectId + " · " + STATUS_LABELS[status]);
    remember(id, injectId + " : " + STATUS_LABELS[status]);
  }

  function remember(id, label) {
    // The queue listener may have listed it already (Room.send saves the queue first).
    const known = recent.findIndex((r) => r.id === id);
    if (known >= 0) recent.splice(known, 1);
    recent.unshift({ id, label, state: "pending" });
    recent.length = Math.min(recent.length, 5);
    renderQueue(Room.queue());
  }

  function renderQueue(items) {
    const waiting = new Map(items.map((item) => [item.id, item]));
    for (const item of items) {
      if (!recent.some((r) => r.id === item.id)) recent.unshift({ id: item.id, label: item.label, state: "pending" });
    }
    const rows = recent.map((r) => {
      const queued = waiting.get(r.id);
      if (queued && queued.error) r.state = "refused";
      else if (queued) r.state = "pending";
      else if (r.state === "pending") r.state = "stored";
      const text = { pending: "en attente", stored: "enregistré", refused: "refusé : " + (queued ? queued.error : "") }[r.state];
      return el("li", { class: "q-" + r.state },
        el("span", { class: "q-state", text }), " ", el("span", { class: "q-label", text: r.label }),
        r.state === "refused" ? el("button", { type: "button", class: "link", text: "effacer",
          onclick: () => { Room.discard(r.id); recent.splice(recent.indexOf(r), 1); renderQueue(Room.queue()); } }) : null);
    });
    queueEl.hidden = rows.length === 0;
    queueEl.replaceChildren(el("ul", {}, ...rows));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = line.value.trim();
    if (!text) return;
    const body = { line: text, role: roleSel.value || null, kind: kindSel.value || null,
      inject_id: injectSel.value || null, supersedes };
    const id = Room.send("/api/entries", body, text);
    remember(id, text);
    line.value = "";
    supersedes = null;
    correcting.hidden = true;
    line.focus();
  });
  line.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  Room.on("view", (view) => {
    roleNames = Object.fromEntries(view.roles.map((r) => [r.id, r.name]));
    fillSelect(roleSel, view.roles.map((r) => [r.id, r.id + " — " + r.name]), true);
    if (kindSel.options.length <= 1) fillSelect(kindSel, view.entry_kinds.map((k) => [k, KIND_LABELS[k] || k]), true);
    fillSelect(injectSel, view.injects.slice().reverse().map((i) => [i.id, i.id + " — " + i.title]), true);
    renderEntries(view.entries);
    renderChecklist(view.injects);
  });
  Room.on("queue", renderQueue);
  Room.on("stored", () => renderQueue(Room.queue()));
  document.getElementById("who").textContent = "";
  Room.start().then(() => { document.getElementById("who").textContent = Room.name; renderQueue(Room.queue()); });
  void roleNames;
})();
