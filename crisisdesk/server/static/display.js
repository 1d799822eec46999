"use strict";
// Room display page: scenario clock, phase, indicators and the latest public injects.
(function () {
  const { el } = Room;
  const scenarioEl = document.getElementById("scenario");
  const phaseEl = document.getElementById("phase");
  const indicatorsEl = document.getElementById("indicators");
  const cardsEl = document.getElementById("cards");
  let clock = null;
  let at = 0;

  function tick() {
    if (!clock || !clock.scenario) { scenarioEl.textContent = "—"; return; }
    const add = clock.state === "running" ? (Date.now() - at) * (clock.scale || 1) : 0;
    const d = new Date(new Date(clock.scenario).getTime() + add);
    scenarioEl.textContent = d.toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long" }) +
      " · " + String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }
  setInterval(tick, 1000);

  Room.on("view", (view) => {
    clock = view.clock; at = Date.now(); tick();
    phaseEl.textContent = view.clock.phase;
    indicatorsEl.replaceChildren(...view.indicators.map((i) => el("div", { class: "indicator" },
      el("div", { class: "ind-label", text: i.label }),
      el("div", { class: "ind-value", text: (typeof i.value === "number" ? i.value.toLocaleString("fr-FR") : String(i.value)) + (i.unit ? " " + i.unit : "") }))));
    cardsEl.replaceChildren(...view.cards.map((c) => el("article", { class: "public ch-" + c.channel },
      el("div", { class: "channel", text: c.channel === "news" ? "FLASH INFO" : "RÉSEAUX SOCIAUX" }),
      el("div", { class: "sender", text: c.sender }),
      el("h2", { text: c.title }),
      el("p", { class: "excerpt", text: new DOMParser().parseFromString(c.body_html, "text/html").body.textContent.trim().slice(0, 280) }))));
  });
  Room.start();
})();
