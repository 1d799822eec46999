"use strict";
// Player page: the inbox of one played role. Injects appear as they fire, shaped by
// their channel; the page never receives notes or expected responses.
(function () {
  const { el } = Room;
  const CHANNELS = { phone: "Appel", email: "Courriel", radio: "Radio", news: "Flash info", social: "Réseaux sociaux",
    field: "Remontée terrain", document: "Document", face: "En personne" };
  const inbox = document.getElementById("inbox");
  const empty = document.getElementById("empty");
  const seen = new Set(JSON.parse(localStorage.getItem("crisisdesk:seen:" + Room.boot.link.slice(0, 10)) || "[]"));

  function body(html) {
    // Rendered server-side from Markdown with raw HTML off; parsed inert here, never run.
    const doc = new DOMParser().parseFromString(html, "text/html");
    const wrap = el("div", { class: "msg-body" });
    wrap.append(...doc.body.childNodes);
    return wrap;
  }

  function media(message) {
    if (!message.attachments.length) return null;
    return el("div", { class: "media" }, ...message.attachments.map((a) => /\.(svg|png|jpe?g|gif|webp)$/i.test(a.path)
      ? el("a", { href: Room.attachmentUrl(a.path), target: "_blank", rel: "noopener" },
          el("img", { src: Room.attachmentUrl(a.path), alt: a.name, loading: "lazy" }))
      : el("a", { href: Room.attachmentUrl(a.path), class: "file", text: a.name })));
  }

  function card(m) {
    const fresh = !seen.has(m.id);
    return el("article", { class: "msg ch-" + m.channel + (fresh ? " fresh" : ""), "data-id": m.id },
      el("header", { class: "msg-head" },
        el("span", { class: "channel", text: CHANNELS[m.channel] || m.channel }),
        el("span", { class: "when", text: m.fired_scenario ? m.fired_scenario.replace("T", " ") : "" })),
      el("div", { class: "sender", text: m.sender }),
      el("h2", { class: "msg-title", text: m.title }),
      body(m.body_html),
      media(m));
  }

  Room.on("view", (view) => {
    const messages = view.messages.slice().reverse();
    empty.hidden = messages.length > 0;
    inbox.replaceChildren(...messages.map(card));
    for (const m of messages) seen.add(m.id);
    localStorage.setItem("crisisdesk:seen:" + Room.boot.link.slice(0, 10), JSON.stringify([...seen]));
  });
  Room.start();
})();
