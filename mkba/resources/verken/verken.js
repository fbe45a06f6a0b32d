// mkba verken: the live "what if?" page. Every word it shows comes from the server's words
// (mkba.faces.text_nl.VERKEN, sent in #verken-data); numbers in Dutch format via Intl (offline).
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("verken-data").textContent);
  const W = DATA.words;
  const PARAMS = new Map(DATA.parameters.map((p) => [p.name, p]));
  const TOKEN = new URLSearchParams(location.search).get("token");
  const SVGNS = "http://www.w3.org/2000/svg";
  const DEBOUNCE_MS = 150;

  const state = { scenario: "baseline", set: new Map(), perspective: "society", discount: null };
  let shown = new Set();        // parameters with a control on the page
  let timer = null;
  let inflight = null;
  let domain = null;            // x-axis of the range picture: kept steady while sliders move

  // ---- numbers the Dutch way --------------------------------------------------------------
  function nf(x, digits) {
    return new Intl.NumberFormat("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(x).replace("-", "\u2212");
  }
  function smartDigits(x) {
    const a = Math.abs(x);
    if (a >= 100 || Number.isInteger(x)) return 0;
    return a >= 1 ? 2 : 3;
  }
  function fmtValue(p, v) {
    if (p.format === "percent") {
      const pct = v * 100;
      return nf(pct, Math.abs(pct - Math.round(pct)) < 1e-9 ? 0 : 1) + "%";
    }
    if (p.format === "eur") {
      const s = (v < 0 ? "\u2212" : "") + "\u20ac\u00a0" + nf(Math.abs(v), Math.abs(v) >= 100 ? 0 : 2);
      return p.suffix ? s + " " + p.suffix : s;
    }
    const s = nf(v, smartDigits(v));
    return p.unit ? s + " " + p.unit : s;
  }
  function fmtPlain(v) {  // as the command line and the URL take it
    return String(Number(v.toPrecision(12)));
  }
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function fill(id, text) { document.getElementById(id).textContent = text; }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  }

  // ---- the state in the URL ----------------------------------------------------------------
  function readURL() {
    const q = new URLSearchParams(location.search);
    const ids = DATA.options.concat(DATA.sensitivity).map((o) => o.id);
    if (ids.includes(q.get("scenario"))) state.scenario = q.get("scenario");
    if (DATA.perspectives.some((p) => p.id === q.get("perspectief"))) state.perspective = q.get("perspectief");
    const rate = parseFloat((q.get("discontovoet") || "").replace(",", "."));
    if (Number.isFinite(rate)) state.discount = rate;
    for (const item of q.getAll("set")) {
      const at = item.indexOf("=");
      const name = item.slice(0, at);
      const value = parseFloat(item.slice(at + 1).replace(",", "."));
      if (at > 0 && PARAMS.has(name) && Number.isFinite(value)) state.set.set(name, value);
    }
  }
  function query(extra) {  // readable: ?scenario=ID&set=NAME=VALUE&set=…&perspectief=…&discontovoet=…
    const parts = [];
    const add = (k, v) => parts.push(k + "=" + encodeURIComponent(v).replace(/%3D/g, "="));
    if (state.scenario !== "baseline") add("scenario", state.scenario);
    for (const [name, value] of state.set) add("set", name + "=" + fmtPlain(value));
    if (state.perspective !== "society") add("perspectief", state.perspective);
    if (state.discount !== null) add("discontovoet", fmtPlain(state.discount));
    for (const [k, v] of Object.entries(extra || {})) add(k, v);
    if (TOKEN) add("token", TOKEN);
    return parts.join("&");
  }
  function writeURL() {
    const q = query();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
  }

  // ---- controls ----------------------------------------------------------------------------
  function statusText(p) {
    if (state.set.has(p.name)) return fmt(W.fixed_at, { value: fmtValue(p, state.set.get(p.name)) });
    if (p.fixed) return fmt(W.case_value, { value: fmtValue(p, p.base) });
    return fmt(W.uncertain, { low: fmtValue(p, p.p10), high: fmtValue(p, p.p90) });
  }
  function paramControl(p) {
    const box = el("div", { class: "control param", id: "p-" + p.name });
    const inputId = "s-" + p.name;
    const label = el("label", { for: inputId }, p.label);
    if (p.calibrated) label.appendChild(el("span", { class: "tag" }, W.calibrated));
    box.appendChild(label);
    let input;
    if (p.slider) {
      input = el("input", { type: "range", id: inputId, min: p.min, max: p.max, step: p.step,
        "aria-describedby": "d-" + p.name + " o-" + p.name });
      input.value = state.set.has(p.name) ? state.set.get(p.name) : p.base;
    } else {
      input = el("input", { type: "number", id: inputId, step: "any", "aria-describedby": "d-" + p.name });
      input.value = state.set.has(p.name) ? state.set.get(p.name) : p.base;
    }
    box.appendChild(input);
    const out = el("output", { id: "o-" + p.name, for: inputId }, statusText(p));
    box.appendChild(out);
    const parts = [];
    if (p.slider) parts.push(fmt(W.range, { low: fmtValue(p, p.min), high: fmtValue(p, p.max) }));
    if (p.unit) parts.push(fmt(W.unit, { unit: p.unit }));
    const range = parts.join(" \u00b7 ");
    box.appendChild(el("p", { id: "d-" + p.name, class: "small range" }, range));
    const details = el("details", { class: "small evidence" });
    details.appendChild(el("summary", {}, W.evidence));
    details.appendChild(el("p", {}, p.evidence || W.no_evidence));
    if (p.calibrated) details.appendChild(el("p", {}, W.calibrated + ": " + p.calibrated));
    box.appendChild(details);
    const reset = el("button", { type: "button", class: "link" }, W.reset);
    reset.hidden = !state.set.has(p.name);
    box.appendChild(reset);

    function changed() {
      const v = parseFloat(input.value);
      if (!Number.isFinite(v)) return;
      state.set.set(p.name, v);
      out.textContent = statusText(p);
      if (p.slider) input.setAttribute("aria-valuetext", fmtValue(p, v));
      reset.hidden = false;
      box.classList.add("is-set");
      schedule();
    }
    input.addEventListener("input", changed);
    input.addEventListener("change", changed);
    reset.addEventListener("click", () => {
      state.set.delete(p.name);
      input.value = p.base;
      input.removeAttribute("aria-valuetext");
      out.textContent = statusText(p);
      reset.hidden = true;
      box.classList.remove("is-set");
      schedule();
    });
    if (state.set.has(p.name)) {
      box.classList.add("is-set");
      if (p.slider) input.setAttribute("aria-valuetext", fmtValue(p, state.set.get(p.name)));
    }
    shown.add(p.name);
    return box;
  }

  function buildControls() {
    fill("title", DATA.title);
    fill("intro", W.intro);
    fill("controls-title", W.controls);
    fill("option-label", W.option);
    fill("perspective-label", W.perspective);
    fill("discount-label", W.discount);
    fill("top-title", W.top);
    fill("top-note", W.top_note);
    fill("search-label", W.search);
    fill("search-add", W.search_add);
    fill("reset-all", W.reset_all);
    fill("headline-title", W.headline);
    fill("prob-label", W.prob);
    fill("who-title", W.who_title);
    fill("balance-title", W.balance_title);
    fill("pm-title", W.pm_title);
    fill("pm-intro", W.pm_intro);
    fill("options-title", W.options_title);
    fill("sensitivity-title", W.sensitivity_title);
    fill("command-title", W.command);
    fill("copy-link", W.link);
    fill("save", W.save);
    fill("save-kind-label", W.save_kind);
    fill("save-note", W.save_note);
    fill("footer", W.footer);
    document.getElementById("search").setAttribute("placeholder", W.search_placeholder);

    const option = document.getElementById("option");
    const g1 = el("optgroup", { label: W.options_group });
    for (const o of DATA.options) g1.appendChild(el("option", { value: o.id }, o.label));
    option.appendChild(g1);
    if (DATA.sensitivity.length) {
      const g2 = el("optgroup", { label: W.sensitivity_group });
      for (const o of DATA.sensitivity) g2.appendChild(el("option", { value: o.id }, o.label));
      option.appendChild(g2);
    }
    option.value = state.scenario;
    option.addEventListener("change", () => { state.scenario = option.value; schedule(0); });

    const persp = document.getElementById("perspective");
    for (const p of DATA.perspectives) persp.appendChild(el("option", { value: p.id }, p.label));
    persp.value = state.perspective;
    persp.addEventListener("change", () => { state.perspective = persp.value; domain = null; schedule(0); });

    const d = DATA.discount;
    const disc = document.getElementById("discount");
    disc.min = d.min; disc.max = d.max; disc.step = d.step;
    const discOut = document.getElementById("discount-out");
    const discReset = document.getElementById("discount-reset");
    discReset.textContent = W.reset;
    fill("discount-note", d.text);
    function showDisc() {
      const v = state.discount === null ? d.value : state.discount;
      const text = nf(v * 100, 2) + "%";
      discOut.textContent = text;
      disc.setAttribute("aria-valuetext", text);
      discReset.hidden = state.discount === null;
    }
    disc.value = state.discount === null ? d.value : state.discount;
    showDisc();
    disc.addEventListener("input", () => { state.discount = parseFloat(disc.value); showDisc(); schedule(); });
    discReset.addEventListener("click", () => { state.discount = null; disc.value = d.value; showDisc(); schedule(); });

    const sliders = document.getElementById("sliders");
    for (const name of DATA.top) {
      if (PARAMS.has(name)) sliders.appendChild(paramControl(PARAMS.get(name)));
    }
    const extra = document.getElementById("extra");
    for (const name of state.set.keys()) {
      if (!shown.has(name)) extra.appendChild(paramControl(PARAMS.get(name)));
    }

    const list = document.getElementById("search-list");
    for (const p of DATA.parameters) list.appendChild(el("option", { value: p.label }, p.name));
    const search = document.getElementById("search");
    const none = document.getElementById("search-none");
    function addFromSearch() {
      const q = search.value.trim().toLowerCase();
      if (!q) return;
      const hit = DATA.parameters.find((p) => p.label.toLowerCase() === q || p.name.toLowerCase() === q) ||
        DATA.parameters.find((p) => p.label.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
      if (!hit) { none.textContent = fmt(W.search_none, { q: search.value }); return; }
      none.textContent = "";
      search.value = "";
      if (!shown.has(hit.name)) extra.appendChild(paramControl(hit));
      document.getElementById("s-" + hit.name).focus();
    }
    document.getElementById("search-add").addEventListener("click", addFromSearch);
    search.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); addFromSearch(); } });
    search.addEventListener("change", () => {
      if (DATA.parameters.some((p) => p.label === search.value)) addFromSearch();
    });

    document.getElementById("reset-all").addEventListener("click", () => {
      state.set.clear();
      state.discount = null;
      for (const p of DATA.parameters) {
        const box = document.getElementById("p-" + p.name);
        if (!box) continue;
        box.querySelector("input").value = p.base;
        box.querySelector("input").removeAttribute("aria-valuetext");
        box.querySelector("output").textContent = statusText(p);
        box.querySelector("button").hidden = true;
        box.classList.remove("is-set");
      }
      disc.value = d.value; showDisc();
      schedule(0);
    });

    const kind = document.getElementById("save-kind");
    for (const [k, label] of Object.entries(W.save_kinds)) kind.appendChild(el("option", { value: k }, label));
    kind.addEventListener("change", updateSaveLink);

    document.getElementById("copy-link").addEventListener("click", async () => {
      const done = document.getElementById("copy-done");
      try {
        await navigator.clipboard.writeText(location.href);
        done.textContent = W.link_done;
      } catch (err) {
        done.textContent = location.href;
      }
    });
  }

  function updateSaveLink() {
    const kind = document.getElementById("save-kind").value;
    document.getElementById("save").setAttribute("href", "/api/scenario?" + query({ soort: kind }));
  }

  // ---- asking the server -------------------------------------------------------------------
  function schedule(delay) {
    writeURL();
    updateSaveLink();
    clearTimeout(timer);
    timer = setTimeout(refresh, delay === undefined ? DEBOUNCE_MS : delay);
  }
  async function refresh() {
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    const status = document.getElementById("status");
    status.textContent = W.busy;
    document.body.classList.add("busy");
    try {
      const response = await fetch("/api/beeld?" + query(), { signal: controller.signal });
      const body = await response.json();
      if (controller !== inflight) return;
      if (!response.ok) {
        status.textContent = fmt(W.error, { message: body.fout || response.status });
        return;
      }
      render(body);
      status.textContent = W.updated;
    } catch (err) {
      if (err.name !== "AbortError") status.textContent = fmt(W.error, { message: String(err.message || err) });
    } finally {
      if (controller === inflight) {
        inflight = null;
        document.body.classList.remove("busy");
      }
    }
  }

  // ---- drawing -----------------------------------------------------------------------------
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clearSvg(node) {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeName !== "title" && child.nodeName !== "desc") node.removeChild(child);
    }
  }
  function drawRange(r) {
    const node = document.getElementById("range");
    clearSvg(node);
    fill("range-title", r.title);
    fill("range-desc", r.desc);
    fill("picture-title", r.title);
    const lo = Math.min(r.p01, 0), hi = Math.max(r.p99, 0);
    if (!domain) domain = [lo, hi];
    domain = [Math.min(domain[0], lo), Math.max(domain[1], hi)];
    const pad = (domain[1] - domain[0]) * 0.04 || 1;
    const a = domain[0] - pad, b = domain[1] + pad;
    const X = (v) => 20 + ((v - a) / (b - a)) * 600;
    const zero = X(0);
    node.appendChild(svg("rect", { x: 20, y: 44, width: Math.max(zero - 20, 0), height: 28, class: "loss-zone" }));
    node.appendChild(svg("rect", { x: zero, y: 44, width: Math.max(620 - zero, 0), height: 28, class: "gain-zone" }));
    node.appendChild(svg("line", { x1: X(r.p01), x2: X(r.p99), y1: 58, y2: 58, class: "whisker" }));
    node.appendChild(svg("rect", { x: X(r.p05), y: 48, width: Math.max(X(r.p95) - X(r.p05), 1), height: 20,
      rx: 4, class: "bar" }));
    node.appendChild(svg("line", { x1: X(r.mean), x2: X(r.mean), y1: 40, y2: 76, class: "mean" }));
    node.appendChild(svg("line", { x1: zero, x2: zero, y1: 30, y2: 90, class: "zero" }));
    node.appendChild(svg("text", { x: zero - 6, y: 26, "text-anchor": "end", class: "zone-label" }, W.picture_loss));
    node.appendChild(svg("text", { x: zero + 6, y: 26, "text-anchor": "start", class: "zone-label" }, W.picture_gain));
    node.appendChild(svg("text", { x: Math.max(X(r.p05), 60), y: 104, "text-anchor": "middle", class: "tick" }, r.low_text));
    node.appendChild(svg("text", { x: Math.min(X(r.p95), 580), y: 104, "text-anchor": "middle", class: "tick" }, r.high_text));
    node.appendChild(svg("text", { x: X(r.mean), y: 118, "text-anchor": "middle", class: "tick strong" },
      W.picture_mid + " " + r.mean_text));
  }
  function drawWho(rows) {
    // a table; beside each row a bar: what it pays (left, red) and receives (right, green)
    const max = Math.max(1, ...rows.map((r) => Math.max(Math.abs(r.pays), Math.abs(r.gets))));
    const t = document.getElementById("who-table");
    t.replaceChildren();
    const head = el("tr");
    W.who_cols.forEach((c, i) => head.appendChild(el("th", { scope: "col", class: i ? "num" : null }, c)));
    const legend = el("th", { scope: "col", class: "bars legend" });
    legend.appendChild(el("span", { class: "pays-text" }, "\u25c0 " + W.who_pays));
    legend.appendChild(el("span", { class: "gets-text" }, W.who_gets + " \u25b6"));
    head.appendChild(legend);
    t.appendChild(el("thead")).appendChild(head);
    const body = t.appendChild(el("tbody"));
    for (const r of rows) {
      const tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, r.label));
      tr.appendChild(el("td", { class: "num" }, r.pays_text));
      tr.appendChild(el("td", { class: "num" }, r.gets_text));
      tr.appendChild(el("td", { class: "num " + (r.net < 0 ? "neg" : "pos") }, r.net_text));
      const cell = el("td", { class: "bars", "aria-hidden": "true" });
      const bar = svg("svg", { viewBox: "0 0 200 20", width: "100%", height: "20", preserveAspectRatio: "none" });
      const wp = (Math.abs(r.pays) / max) * 98, wg = (Math.abs(r.gets) / max) * 98;
      bar.appendChild(svg("rect", { x: 100 - wp, y: 3, width: wp, height: 14, class: "pays" }));
      bar.appendChild(svg("rect", { x: 100, y: 3, width: wg, height: 14, class: "gets" }));
      bar.appendChild(svg("line", { x1: 100, x2: 100, y1: 0, y2: 20, class: "axis" }));
      cell.appendChild(bar);
      tr.appendChild(cell);
      body.appendChild(tr);
    }
  }
  function table(id, cols, rows) {
    const t = document.getElementById(id);
    t.replaceChildren();
    const head = el("tr");
    cols.forEach((c, i) => head.appendChild(el("th", { scope: "col", class: i ? "num" : null }, c)));
    t.appendChild(el("thead")).appendChild(head);
    const body = t.appendChild(el("tbody"));
    for (const row of rows) {
      const tr = el("tr", { class: row.className || null });
      row.cells.forEach((c, i) => {
        const rich = typeof c === "object" && c !== null;
        const cell = el(i ? "td" : "th", i ? { class: "num " + (rich && c.cls ? c.cls : "") } : { scope: "row" });
        cell.textContent = rich ? c.text : c;
        if (rich && c.sub) cell.appendChild(el("span", { class: "sub" }, c.sub));
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    }
  }
  function render(v) {
    const head = document.getElementById("headline");
    head.replaceChildren(...v.headline.map((line) => el("p", { class: "headline" }, line)));
    fill("whatif", v.whatif);
    fill("prob", v.prob);
    fill("prob-who", v.prob_who);
    drawRange(v.range);
    drawWho(v.who);
    table("balance", W.balance_cols, v.balance.map((r) => ({ cells: r })));
    const pm = document.getElementById("pm");
    pm.replaceChildren();
    if (!v.pm.length) pm.appendChild(el("li", {}, W.pm_none));
    for (const p of v.pm) {
      const li = el("li", { class: p.sign === "+" ? "is-pos" : "is-neg" });
      li.appendChild(el("span", { class: "sign", "aria-hidden": "true" }, p.sign));
      li.appendChild(el("strong", {}, p.label));
      li.appendChild(document.createTextNode(" \u2014 " + p.who + " (" + p.direction + ")" + (p.note ? ": " + p.note : "")));
      pm.appendChild(li);
    }
    const cal = document.getElementById("calibrated");
    cal.hidden = !v.calibrated;
    cal.textContent = v.calibrated || "";
    const who = DATA.perspectives.find((p) => p.id === state.perspective).label;
    const cols = W.options_cols.map((c) => fmt(c, { who: who, funder: DATA.funder }));
    table("options", cols, v.options.map((o) => ({
      className: o.current ? "current" : null,
      cells: [o.label + (o.current ? " " + W.current : ""), o.saved,
        { text: o.society, sub: o.society_interval, cls: o.society_sign < 0 ? "neg" : o.society_sign > 0 ? "pos" : "" },
        { text: o.bears, cls: "text" }, o.funder, o.prob_best],
    })));
    document.getElementById("options").closest(".card").hidden = !v.options.length && !v.sensitivity.length;
    document.getElementById("sensitivity-block").hidden = !v.sensitivity.length;
    table("sensitivity", W.sensitivity_cols, v.sensitivity.map((o) => ({
      className: o.current ? "current" : null,
      cells: [o.label + (o.current ? " " + W.current : ""), o.npv, o.diff],
    })));
    fill("method", v.method);
    fill("command", v.command);
  }

  readURL();
  buildControls();
  writeURL();
  updateSaveLink();
  refresh();
})();
