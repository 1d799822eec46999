"use strict";
// Shared by every room page: joining, the device token, the live stream, the clock,
// and the queue of writes kept in this browser until the server has stored them.
(function () {
  const boot = JSON.parse(document.getElementById("boot").textContent);
  const prefix = "crisisdesk:" + boot.kind + ":" + boot.link.slice(0, 10) + ":";
  const statusEl = document.getElementById("link-status");
  const clockEl = document.getElementById("clock");
  let device = localStorage.getItem(prefix + "device");
  let deviceName = localStorage.getItem(prefix + "name") || "";
  let source = null;
  let clock = null;
  let clockAt = 0;
  let online = false;
  let flushing = false;
  const listeners = { view: [], queue: [], stored: [] };

  function newId() {
    // crypto.randomUUID needs HTTPS; getRandomValues works on a plain-HTTP room network.
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setStatus(text, cls) {
    statusEl.textContent = text;
    statusEl.className = "bar-status " + (cls || "");
  }

  // -- clock ---------------------------------------------------------------------------
  function hms(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h + ":" + String(m).padStart(2, "0") + ":" + String(r).padStart(2, "0");
  }
  function elapsedNow() {
    if (!clock) return 0;
    const running = clock.state === "running";
    return clock.elapsed + (running ? (Date.now() - clockAt) / 1000 : 0);
  }
  function scenarioNow() {
    if (!clock || !clock.scenario) return null;
    const base = new Date(clock.scenario);  // a local time with no zone: read as local, shown as local
    const running = clock.state === "running";
    const add = running ? (Date.now() - clockAt) * (clock.scale || 1) : 0;
    return new Date(base.getTime() + add);
  }
  function hhmm(date) {
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }
  const STATES = { ready: "avant STARTEX", running: "en cours", paused: "en pause", ended: "ENDEX" };
  function tickClock() {
    if (!clock) return;
    const scen = scenarioNow();
    clockEl.textContent = "T+" + hms(elapsedNow()) + (scen ? " · " + hhmm(scen) : "") +
      (clock.state !== "running" ? " · " + (STATES[clock.state] || clock.state) : "");
    for (const fn of listeners.tick || []) fn();
  }
  setInterval(tickClock, 1000);

  // -- joining -------------------------------------------------------------------------
  function askName() {
    return new Promise((resolve) => {
      const input = el("input", { id: "join-name", maxlength: 40, autocomplete: "name", required: true,
                                  value: deviceName });
      const form = el("form", { class: "join card narrow", id: "join-form" },
        el("h1", { text: "Votre nom" }),
        el("p", { text: "Il signe ce que vous enregistrez." }),
        el("label", { for: "join-name", class: "visually-hidden", text: "Nom" }), input,
        el("button", { type: "submit", id: "join-button", text: "Entrer" }));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name) return;
        form.remove();
        resolve(name);
      });
      document.querySelector("main").prepend(form);
      input.focus();
    });
  }

  async function join() {
    const needsName = boot.kind === "observer" || boot.kind === "animator";
    if (needsName && !deviceName) deviceName = await askName();
    const response = await fetch("/api/join", {
      method: "POST", credentials: "omit",
      headers: { "Content-Type": "application/json", "X-Crisisdesk-Link": boot.link },
      body: JSON.stringify({ name: deviceName || "" }),
    });
    if (!response.ok) throw new Error("join " + response.status);
    const data = await response.json();
    device = data.device;
    deviceName = data.name;
    localStorage.setItem(prefix + "device", device);
    localStorage.setItem(prefix + "name", deviceName);
  }

  function revoked() {
    online = false;
    if (source) source.close();
    localStorage.removeItem(prefix + "device");
    setStatus("accès retiré", "bad");
    document.body.classList.add("revoked");
  }

  // -- live stream ---------------------------------------------------------------------
  function connect() {
    if (source) source.close();
    source = new EventSource("/api/live?t=" + encodeURIComponent(device));
    source.addEventListener("view", (event) => {
      const view = JSON.parse(event.data);
      if (!online) { online = true; setStatus("en ligne", "ok"); flush(); }
      clock = view.clock; clockAt = Date.now(); tickClock();
      for (const fn of listeners.view) fn(view);
    });
    source.addEventListener("revoked", () => revoked());
    source.addEventListener("error", () => {
      online = false;
      setStatus(queue().length ? "hors ligne · " + queue().length + " en attente" : "hors ligne", "warn");
      if (source.readyState === EventSource.CLOSED) setTimeout(recover, 2000);
    });
  }

  async function recover() {
    // The stream was refused: a server restarted without our device, or we were cut off.
    try {
      const response = await fetch("/api/view", { headers: { "X-Crisisdesk-Token": device || "" }, credentials: "omit" });
      if (response.status === 401) {
        const body = await response.json().catch(() => ({}));
        if (body.error === "revoked") { revoked(); return; }
        await join();
      }
      connect();
    } catch (error) {
      setTimeout(recover, 3000);
    }
  }

  // -- writes kept until stored --------------------------------------------------------
  function queue() {
    try { return JSON.parse(localStorage.getItem(prefix + "queue") || "[]"); } catch (e) { return []; }
  }
  function saveQueue(items) {
    localStorage.setItem(prefix + "queue", JSON.stringify(items));
    for (const fn of listeners.queue) fn(items);
  }

  function send(path, body, label) {
    const item = { id: body.client_id || newId(), path, body, label: label || "", made_at: Date.now(), error: null };
    item.body.client_id = item.id;
    saveQueue(queue().concat([item]));
    flush();
    return item.id;
  }

  function discard(id) {
    saveQueue(queue().filter((item) => item.id !== id));
  }

  async function flush() {
    if (flushing || !device) return;
    flushing = true;
    try {
      for (;;) {
        const pending = queue().filter((item) => !item.error);
        if (!pending.length) break;
        const item = pending[0];
        let response;
        try {
          response = await fetch(item.path, {
            method: "POST", credentials: "omit",
            headers: { "Content-Type": "application/json", "X-Crisisdesk-Token": device },
            body: JSON.stringify(item.body),
          });
        } catch (error) {
          online = false;
          setStatus("hors ligne · " + queue().length + " en attente", "warn");
          setTimeout(flush, 3000);
          break;
        }
        if (response.ok) {
          const data = await response.json().catch(() => ({}));
          saveQueue(queue().filter((q) => q.id !== item.id));
          for (const fn of listeners.stored) fn(item, data);
          continue;
        }
        if (response.status === 401) {
          const body = await response.json().catch(() => ({}));
          if (body.error === "revoked") { revoked(); break; }
          try { await join(); connect(); } catch (e) { setTimeout(flush, 3000); }
          break;
        }
        if (response.status === 400 || response.status === 403 || response.status === 413) {
          // Refused for good: keep it on screen with the reason, never drop what was typed.
          const body = await response.json().catch(() => ({}));
          const items = queue().map((q) => (q.id === item.id ? Object.assign(q, { error: body.message || body.error || String(response.status) }) : q));
          saveQueue(items);
          continue;
        }
        setTimeout(flush, 3000);  // 429, 503 (the file is busy): the same id again later
        break;
      }
    } finally {
      flushing = false;
    }
  }

  window.addEventListener("online", () => flush());
  setInterval(() => { if (queue().some((q) => !q.error)) flush(); }, 5000);

  async function start() {
    setStatus("connexion…", "");
    try {
      if (!device) await join();
      connect();
    } catch (error) {
      setStatus("serveur injoignable", "warn");
      setTimeout(start, 3000);
    }
  }

  window.Room = {
    boot, el, newId, hms, send, discard, queue, start,
    get name() { return deviceName; },
    get device() { return device; },
    get online() { return online; },
    elapsedNow,
    on(name, fn) { (listeners[name] = listeners[name] || []).push(fn); },
    attachmentUrl(path) { return "/api/att/" + path.split("/").map(encodeURIComponent).join("/") + "?t=" + encodeURIComponent(device); },
  };
  document.addEventListener("DOMContentLoaded", () => {});
})();
