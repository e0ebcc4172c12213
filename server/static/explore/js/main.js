// The explorer: pickers, views, the selection panel and the source viewer, all from /graphql.

import { AUDIT, PORTFOLIOS, SERVES, TREEMAP, ORGANISATION, graphiqlHref, graphql } from "./api.js";
import { renderAudit, summary } from "./audit.js";
import { amount, decimal, el, lines, percent } from "./format.js";
import { loadOrganisation, renderOrganisation } from "./org.js";
import { describe, renderServes } from "./serves.js";
import { SourceViewer } from "./source.js";
import { renderTreemap } from "./treemap.js";

const VIEWS = {
  treemap: { title: "Where the money goes", query: TREEMAP, render: showTreemap },
  org: { title: "Organisation chart", query: ORGANISATION, render: showOrganisation },
  serves: { title: "Who serves what", query: SERVES, render: showServes },
  audit: { title: "Audit of the stated figures", query: AUDIT, render: showAudit },
};

const $ = (id) => document.getElementById(id);
const state = { portfolios: [], portfolio: null, year: null, view: "treemap", program: null };
let source = null;
let generation = 0; // the latest refresh; an older one that ends later is dropped

function status(text, problem = false) {
  $("status").textContent = text;
  $("status").classList.toggle("problem", problem);
}

function variables(view) {
  if (view === "audit") return { portfolio: state.portfolio };
  return { portfolio: state.portfolio, year: state.year };
}

// --- the URL's hash keeps the view, portfolio, year and programme (links, back button)

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (VIEWS[params.get("view")]) state.view = params.get("view");
  if (params.get("portfolio")) state.portfolio = params.get("portfolio");
  if (params.get("year")) state.year = params.get("year");
  state.program = params.get("program") ? Number(params.get("program")) : null;
}

function writeHash(replace = false) {
  const params = new URLSearchParams({ view: state.view, portfolio: state.portfolio, year: state.year });
  if (state.view === "treemap" && state.program !== null) params.set("program", state.program);
  const hash = "#" + params.toString();
  if (replace) history.replaceState(null, "", hash);
  else if (location.hash !== hash) history.pushState(null, "", hash);
}

// --- the selection panel

function unselect() {
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  $("details").replaceChildren(el("h2", {}, "Selection"), el("p", { class: "hint" },
    "Select a rectangle, a unit, a relation or a finding: its figures show here and its lines " +
    "light up in the document below."));
  source.clear();
}

const byId = (id) => `#view [data-id="${CSS.escape(id)}"]`;

// Show what was selected (what `marked` matches is outlined), its facts, and its lines.
function select(title, facts, provenance, marked = null) {
  for (const old of document.querySelectorAll(".selected")) old.classList.remove("selected");
  if (marked) for (const node of document.querySelectorAll(marked)) node.classList.add("selected");
  const rows = facts.filter(([, value]) => value !== null && value !== undefined && value !== "");
  const places = provenance.map((p) => el("li", {}, el("button", { type: "button", class: "link",
    onclick: () => source.highlight([p]) }, `${p.document} line ${lines([p])}`)));
  $("details").replaceChildren(
    el("h2", {}, "Selection"),
    el("p", { class: "selected-title" }, title),
    el("dl", {}, rows.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    provenance.length ? el("p", { class: "where" }, "Where the document says it:") : null,
    provenance.length ? el("ul", { class: "places" }, places) : null,
  );
  return source.highlight(provenance);
}

function selectLine(line, program) {
  const name = program ? `Element ${program.number}.${line.number}` : `Programme ${line.number}`;
  return select(`${name} · ${line.name}`, [
    ["Expenditure", amount(line.budget.expenditure)],
    ["Change", line.change.percent !== null ? `${percent(line.change.percent)} (${amount(line.change.amount)})` : line.change.reason],
  ], line.provenance, byId(line.id));
}

// --- the views

async function showTreemap(body, data) {
  const programs = data.portfolio.programs;
  const focus = programs.some((p) => p.number === state.program) ? state.program : null;
  const crumbs = el("nav", { class: "crumbs", "aria-label": "Treemap level" },
    el("button", { type: "button", class: "crumb", disabled: focus === null, onclick: () => drill(null) },
      `Portfolio · ${amount(data.portfolio.budget.expenditure)}`),
    focus !== null ? el("span", { class: "crumb current", "aria-current": "page" }, `Programme ${focus}`) : null);
  const chart = el("div", { class: "treemap-box" });
  const list = el("ul", { class: "program-list", "aria-label": "Programmes" }, programs.map((p) =>
    el("li", {}, el("button", { type: "button", class: "link", "data-program": p.number,
      "aria-current": p.number === focus ? "true" : null, onclick: () => drill(p.number) },
      `Programme ${p.number} · ${p.name} · ${amount(p.budget.expenditure)}`))));
  body.replaceChildren(crumbs, chart,
    el("p", { class: "hint" }, focus === null
      ? "Each rectangle is an element, grouped by programme. Select a programme to open it."
      : "Select an element for its figures and lines; Escape goes back up."), list);
  renderTreemap(chart, programs, focus, {
    onDrill: (program) => drill(program.number),
    onSelect: (element, program) => selectLine(element, program),
  });
  if (focus !== null) await selectLine(programs.find((p) => p.number === focus), null);
  else if (programs.length && programs[0].provenance.length) await source.show(programs[0].provenance[0].document);
}

function drill(number) {
  state.program = number;
  writeHash();
  return refresh().then(() => {
    const target = number === null ? `.treemap .program` : `.treemap .element`;
    const first = document.querySelector(target);
    if (first) first.focus();
  });
}

async function showOrganisation(body) {
  const chart = await loadOrganisation(variables("org"));
  renderOrganisation(body, chart, (entity, kind) =>
    select(`${kind[0].toUpperCase()}${kind.slice(1)} · ${entity.name}`, [
      ["Kind", entity.unitType || entity.kind || (entity.isBody ? "body" : kind)],
      ["Reports to", (entity.reportsTo || []).map((r) => r.name).join(", ")],
      ["Under", (entity.supervisedBy || []).map((r) => r.name).join(", ")],
    ], entity.provenance, byId(entity.id)));
}

function showServes(body, data) {
  const targetFacts = (t) => [["Kind", t.kind], ["Served by", `${t.servedBy.length} direct relations`]];
  renderServes(body, data.programs, {
    onEdge: (edge) => select(describe(edge), [
      ["Method", edge.basis.method], ["Confidence", edge.basis.confidence], ["Evidence", edge.basis.evidence],
    ], [...evidenceLines(edge), ...edge.unit.provenance, ...edge.target.provenance],
    `#view .serves-edge[data-index="${edge.index}"]`),
    onUnit: (unit) => select(unit.name, [["Kind", unit.__typename]], unit.provenance, byId(unit.id)),
    onTarget: (target) => select(target.label, targetFacts(target), target.provenance, byId(target.id)),
  });
}

// The lines the evidence quotes (basis.lines), in the document the unit is read from.
function evidenceLines(edge) {
  const document = edge.unit.provenance[0]?.document;
  return (edge.basis.lines || []).map((line) => ({ document, lineStart: line, lineEnd: line }));
}

function showAudit(body, data) {
  renderAudit(body, data.audit, (finding) => select(`${finding.status} · ${finding.identity}`, [
    ["About", `${finding.entity.name} (${finding.entity.__typename})`],
    ["Finding", summary(finding)],
    ["Computed exactly", finding.computed === null ? null : decimal(finding.computed)],
    ["Difference", finding.difference === null ? null : decimal(finding.difference)],
    ["How", finding.derivation], ["Note", finding.note], ["Edition", finding.edition],
  ], [finding.statedAt, ...finding.sources], `#view .finding[data-index="${finding.index}"]`));
}

// --- loading

async function refresh() {
  const view = VIEWS[state.view];
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const chosen = tab.dataset.view === state.view;
    tab.setAttribute("aria-selected", String(chosen));
    tab.tabIndex = chosen ? 0 : -1;
  }
  $("view").setAttribute("aria-labelledby", `tab-${state.view}`);
  $("view-title").textContent = view.title;
  if (source) unselect();
  const vars = variables(state.view);
  $("graphiql-link").href = graphiqlHref(view.query, vars);
  status("Loading…");
  $("view").dataset.state = "loading"; // what the page is doing, for scripts and tests
  const ticket = ++generation;
  try {
    const data = state.view === "org" ? null : await graphql(view.query, vars);
    if (ticket !== generation) return;
    await view.render($("view-body"), data);
    status(`${state.portfolio} · ${state.year}`);
    $("view").dataset.state = "ready";
  } catch (error) {
    status(`Could not load the view: ${error.message}`, true);
    $("view").dataset.state = "error";
  }
}

function fillPickers() {
  $("portfolio").replaceChildren(...state.portfolios.map((p) =>
    el("option", { value: p.name, selected: p.name === state.portfolio }, p.name)));
  const years = state.portfolios.find((p) => p.name === state.portfolio).years;
  if (!years.includes(state.year)) state.year = years[years.length - 1];
  $("year").replaceChildren(...years.map((y) => el("option", { value: y, selected: y === state.year }, y)));
}

function wire() {
  $("portfolio").addEventListener("change", (e) => {
    state.portfolio = e.target.value;
    state.program = null;
    fillPickers();
    writeHash();
    refresh();
  });
  $("year").addEventListener("change", (e) => {
    state.year = e.target.value;
    writeHash();
    refresh();
  });
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => {
      state.view = tab.dataset.view;
      writeHash();
      refresh();
    });
    tab.addEventListener("keydown", (event) => { // arrows move between tabs, as in any tab list
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      next.focus();
      next.click();
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.view === "treemap" && state.program !== null) drill(null);
  });
  window.addEventListener("popstate", () => {
    readHash();
    fillPickers();
    refresh();
  });
}

async function start() {
  status("Loading…");
  let data;
  try {
    data = await graphql(PORTFOLIOS);
  } catch (error) {
    status(`Could not reach the API: ${error.message}`, true);
    return;
  }
  state.portfolios = data.portfolios;
  if (!state.portfolios.length) return status("No portfolio is loaded.", true);
  source = new SourceViewer($("source"), $("source-name"), new Map(data.documents.map((d) => [d.name, d])));
  readHash();
  if (!state.portfolios.some((p) => p.name === state.portfolio)) state.portfolio = state.portfolios[0].name;
  fillPickers();
  wire();
  writeHash(true);
  await refresh();
}

start();
