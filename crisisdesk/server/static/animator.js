"use strict";
// Animation page: per simulated role, the injects due next with countdowns, the script
// to read, attachments, and "livré" to record that it was played to the table.
(function () {
  const { el } = Room;
  const rolesEl = document.getElementById("roles");
  const scriptEl = document.getElementById("script");
  const queueEl = document.getElementById("queue-note");
  const chosenKey = "crisisdesk:anim-role:" + Room.boot.link.slice(0, 10);
  let chosen = localStorage.getItem(chosenKey) || "";
  let last = null;

  function countdown(item) {
    if (item.status === "fired") return item.delivered_at ? "livré" : "à livrer";
    const left = item.due_at - Room.elapsedNow();
    return left > 0 ? "dans " + Room.hms(left) : "dû";
  }

  function deliver(item) {
    Room.send("/api/delivered", { inject_id: item.id }, item.id + " livré");
  }

  function render() {
    if (!last) return;
    const groups = last.groups;
    if (!chosen || !groups.some((g) => g.id === chosen)) chosen = groups.length ? groups[0].id : "";
    rolesEl.replaceChildren(...groups.map((g) => el("button", {
      type: "button", class: "role-tab" + (g.id === chosen ? " chosen" : ""), "aria-pressed": g.id === chosen ? "true" : "false",
      text: g.name + " (" + g.injects.filter((i) => i.status !== "fired" || !i.delivered_at).length + ")",
      onclick: () => { chosen = g.id; localStorage.setItem(chosenKey, chosen); render(); } })));
    const group = groups.find((g) => g.id === chosen);
    if (!group) { scriptEl.replaceChildren(); return; }
    const queued = new Set(Room.queue().map((q) => q.body.inject_id));
    const open = group.injects.filter((i) => !i.delivered_at);
    const done = group.injects.filter((i) => i.delivered_at);
    scriptEl.replaceChildren(...open.concat(done).map((item) => el("article", {
      class: "script-item st-" + item.status + (item.delivered_at ? " delivered" : ""), "data-id": item.id },
      el("header", {},
        el("span", { class: "inject-id", text: item.id }),
        el("span", { class: "countdown", "data-due": item.due_at, text: countdown(item) }),
        el("span", { class: "channel", text: item.channel })),
      el("h2", { text: item.title }),
      el("div", { class: "sender", text: item.sender + " → " + (item.to_all ? "tous" : item.to.join(", ")) }),
      (() => { const d = new DOMParser().parseFromString(item.body_html, "text/html"); const w = el("div", { class: "msg-body" }); w.append(...d.body.childNodes); return w; })(),
      item.attachments.length ? el("div", { class: "media" }, ...item.attachments.map((a) =>
        el("a", { href: Room.attachmentUrl(a.path), target: "_blank", rel: "noopener", text: a.name }))) : null,
      item.status === "fired" && !item.delivered_at
        ? el("button", { type: "button", class: "deliver", disabled: queued.has(item.id), text: queued.has(item.id) ? "en attente…" : "Livré",
            onclick: () => deliver(item) })
        : item.delivered_at ? el("div", { class: "delivered-by", text: "livré par " + (item.delivered_by || "") }) : null)));
  }

  Room.on("view", (view) => { last = view; render(); });
  Room.on("queue", (items) => {
    const refused = items.filter((q) => q.error);
    queueEl.hidden = refused.length === 0;
    queueEl.replaceChildren(...refused.map((q) => el("p", { class: "error", text: q.label + " : refusé (" + q.error + ")" })));
    render();
  });
  Room.on("tick", () => {
    for (const node of scriptEl.querySelectorAll(".st-pending .countdown")) {
      const left = Number(node.dataset.due) - Room.elapsedNow();
      node.textContent = left > 0 ? "dans " + Room.hms(left) : "dû";
    }
  });
  Room.start().then(() => { document.getElementById("who").textContent = Room.name; });
})();
