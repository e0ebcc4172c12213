// The serves view: who serves which program or element, edge width = confidence,
// the evidence on hover (a tooltip) and on click (the selection panel).

import { el, svg } from "./format.js";

const METHOD_COLOURS = {
  STATED: "#1b7837",
  NAME_MATCH: "#2166ac",
  TEXT_MATCH: "#4393c3",
  THROUGH_UNIT: "#e08214",
  CENTRAL_SERVICES: "#b2182b",
  BODY_PROGRAM: "#762a83",
  INHERITED: "#8c8c8c",
};
const KIND_ORDER = { OrgGroup: 0, OrgUnit: 1, Organization: 2 };
let observer = null; // redraws the edges when the layout changes

export function relations(programs) {
  const found = [];
  const add = (edge) => found.push({ ...edge, index: found.length });
  for (const program of programs) {
    const target = { ...program, label: `Programme ${program.number} ${program.name}`, kind: "program" };
    for (const s of program.servedBy) add({ unit: s.unit, target, basis: s.basis });
    for (const element of program.elements) {
      const label = `${program.number}.${element.number} ${element.name}`;
      const inner = { ...element, label, kind: "element" };
      for (const s of element.servedBy) add({ unit: s.unit, target: inner, basis: s.basis });
    }
  }
  return found;
}

function servers(edges) {
  const units = new Map(edges.map((e) => [e.unit.id, e.unit]));
  return [...units.values()].sort(
    (a, b) => KIND_ORDER[a.__typename] - KIND_ORDER[b.__typename] || a.name.localeCompare(b.name, "fr"),
  );
}

function describe(edge) {
  const how = edge.basis.method.toLowerCase().replace("_", " ");
  return `${edge.unit.name} serves ${edge.target.label}: ${how}, confidence ${edge.basis.confidence}`;
}

function column(items, side, onSelect) {
  return el("ul", { class: `serves-column serves-${side}` }, items.map((item) =>
    el("li", {}, el("button", { type: "button", class: `serves-item ${item.kind || "server"}`,
      "data-id": item.id, onclick: () => onSelect(item) }, item.label || item.name))));
}

function curve(from, to) {
  const middle = (from.x + to.x) / 2;
  return `M${from.x},${from.y} C${middle},${from.y} ${middle},${to.y} ${to.x},${to.y}`;
}

function draw(wrapper, overlay, edges, onEdge) {
  const box = wrapper.getBoundingClientRect();
  overlay.setAttribute("viewBox", `0 0 ${box.width} ${box.height}`);
  overlay.setAttribute("width", box.width);
  overlay.setAttribute("height", box.height);
  const anchor = (id, side) => {
    const item = wrapper.querySelector(`.serves-${side} [data-id="${CSS.escape(id)}"]`);
    const r = item.getBoundingClientRect();
    return { x: (side === "left" ? r.right : r.left) - box.left, y: r.top + r.height / 2 - box.top };
  };
  overlay.replaceChildren(...edges.map((edge) => {
    const path = svg("path", {
      class: "serves-edge",
      d: curve(anchor(edge.unit.id, "left"), anchor(edge.target.id, "right")),
      stroke: METHOD_COLOURS[edge.basis.method] || "#555",
      "stroke-width": (1 + 7 * Number(edge.basis.confidence)).toFixed(2),
      "data-index": edge.index,
      "data-confidence": edge.basis.confidence,
    }, svg("title", {}, `${describe(edge)}\n${edge.basis.evidence || ""}`));
    path.addEventListener("click", () => onEdge(edge));
    return path;
  }));
}

function legend() {
  return el("div", { class: "legend" }, el("span", { class: "legend-title" }, "Method"),
    ...Object.entries(METHOD_COLOURS).map(([method, colour]) =>
      el("span", { class: "swatch line", style: `border-color:${colour}` }, method.toLowerCase().replace("_", " "))),
    el("span", { class: "legend-title" }, "Width: confidence (0 to 1)"));
}

function table(edges, onEdge) {
  return el("table", { class: "serves-table" },
    el("caption", {}, `${edges.length} serves relations`),
    el("thead", {}, el("tr", {}, ["Who", "Serves", "Method", "Confidence"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, edges.map((edge) => el("tr", {},
      el("td", {}, el("button", { type: "button", class: "link", onclick: () => onEdge(edge) }, edge.unit.name)),
      el("td", {}, edge.target.label),
      el("td", {}, edge.basis.method.toLowerCase().replace("_", " ")),
      el("td", { class: "number" }, edge.basis.confidence)))));
}

export function renderServes(container, programs, handlers) {
  const edges = relations(programs);
  const targets = programs.flatMap((p) => [
    { ...p, label: `Programme ${p.number} ${p.name}`, kind: "program" },
    ...p.elements.map((e) => ({ ...e, label: `${p.number}.${e.number} ${e.name}`, kind: "element" })),
  ]);
  const overlay = svg("svg", { class: "serves-overlay", "aria-hidden": "true" });
  const wrapper = el("div", { class: "serves" },
    column(servers(edges), "left", handlers.onUnit), el("div", { class: "serves-gap" }),
    column(targets, "right", handlers.onTarget), overlay);
  container.replaceChildren(legend(), wrapper, table(edges, handlers.onEdge));
  const redraw = () => draw(wrapper, overlay, edges, handlers.onEdge);
  redraw();
  if (observer) observer.disconnect();
  observer = new ResizeObserver(redraw);
  observer.observe(wrapper);
  return edges;
}

export { describe };
