// The treemap: portfolio → programs → elements, area = expenditure, colour = change %.
// Element rectangles tile their program's exactly (no padding), so every element's
// area is its share of the whole: a program's outline and label are drawn on top.

import { activate, amount, decimal, el, percent, svg } from "./format.js";

export const WIDTH = 960;
export const HEIGHT = 560;

// Squarified layout (Bruls, Huizing, van Wijk): rectangles in the order of `values`,
// each of area value × (w × h / total). Zero and negative values get empty rectangles.
export function squarify(values, rect) {
  const rects = values.map(() => ({ x: rect.x, y: rect.y, w: 0, h: 0 }));
  const total = values.reduce((sum, v) => sum + Math.max(v, 0), 0);
  if (total <= 0 || rect.w * rect.h <= 0) return rects;
  const scale = (rect.w * rect.h) / total;
  const order = values.map((_, i) => i).filter((i) => values[i] > 0);
  order.sort((a, b) => values[b] - values[a]);
  let free = { ...rect };
  let row = [];
  for (const index of order) {
    const side = Math.min(free.w, free.h);
    const area = values[index] * scale;
    const grown = [...row.map((i) => values[i] * scale), area];
    if (row.length && worst(grown, side) > worst(grown.slice(0, -1), side)) {
      free = place(row, values, scale, free, rects);
      row = [];
    }
    row.push(index);
  }
  if (row.length) place(row, values, scale, free, rects);
  return rects;
}

function worst(areas, side) {
  const sum = areas.reduce((s, a) => s + a, 0);
  const most = Math.max(...areas);
  const least = Math.min(...areas);
  return Math.max((side * side * most) / (sum * sum), (sum * sum) / (side * side * least));
}

// Lay one row along the free rectangle's shorter side; what is left is free.
function place(row, values, scale, free, rects) {
  const sum = row.reduce((s, i) => s + values[i] * scale, 0);
  const across = free.w >= free.h;
  const thickness = across ? sum / free.h : sum / free.w;
  let offset = across ? free.y : free.x;
  for (const i of row) {
    const length = (values[i] * scale) / thickness;
    rects[i] = across
      ? { x: free.x, y: offset, w: thickness, h: length }
      : { x: offset, y: free.y, w: length, h: thickness };
    offset += length;
  }
  return across
    ? { x: free.x + thickness, y: free.y, w: free.w - thickness, h: free.h }
    : { x: free.x, y: free.y + thickness, w: free.w, h: free.h - thickness };
}

function spent(line) {
  const value = Number(line.budget.expenditure);
  return Number.isFinite(value) ? value : 0;
}

// Diverging colour for a change in percent: orange for less, purple for more.
export function colour(change, bound) {
  if (change === null || change === undefined) return "url(#no-change)";
  const t = Math.max(-1, Math.min(1, Number(change) / bound));
  const [from, to] = t < 0 ? [[247, 247, 247], [179, 88, 6]] : [[247, 247, 247], [84, 39, 136]];
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * Math.abs(t)));
  return `rgb(${mix.join(",")})`;
}

function ink(change, bound) {
  return change !== null && change !== undefined && Math.abs(Number(change)) / bound > 0.55
    ? "#fff"
    : "#111";
}

export function bound(programs) {
  const changes = programs.flatMap((p) => p.elements.map((e) => Math.abs(Number(e.change.percent))));
  const largest = Math.max(5, ...changes.filter(Number.isFinite));
  return Math.ceil(largest / 5) * 5;
}

function cells(programs, focus) {
  const shown = focus === null ? programs : programs.filter((p) => p.number === focus);
  const whole = { x: 0, y: 0, w: WIDTH, h: HEIGHT };
  const totals = shown.map((p) => p.elements.reduce((s, e) => s + Math.max(spent(e), 0), 0));
  const outlines = squarify(totals, whole);
  return shown.map((program, i) => ({
    program,
    rect: outlines[i],
    elements: squarify(program.elements.map(spent), outlines[i]).map((rect, j) => ({
      element: program.elements[j],
      rect,
    })),
  }));
}

const fixed = (n) => n.toFixed(3);

function label(text, x, y, size, fill, width) {
  const room = Math.floor(width / (size * 0.58));
  if (room < 4) return null;
  const shown = text.length > room ? text.slice(0, room - 1) + "…" : text;
  return svg("text", { x, y, "font-size": size, fill, "pointer-events": "none" }, shown);
}

function elementCell({ element, rect }, program, range, handlers, focused) {
  const title = `Element ${program.number}.${element.number} ${element.name}: ${amount(
    element.budget.expenditure,
  )}, ${percent(element.change.percent)}`;
  const node = svg("rect", {
    class: "element",
    x: fixed(rect.x), y: fixed(rect.y), width: fixed(rect.w), height: fixed(rect.h),
    fill: colour(element.change.percent, range),
    "data-id": element.id,
    "data-program": program.number,
    "data-element": element.number,
    "data-expenditure": element.budget.expenditure ?? "",
    "aria-label": title,
    role: focused ? "button" : null,
    tabindex: focused ? 0 : null,
  }, svg("title", {}, title));
  if (focused) activate(node, () => {
    outline(node);
    handlers.onSelect(element, program);
  });
  const fill = ink(element.change.percent, range);
  const big = rect.h > 34 && rect.w > 40;
  return [
    node,
    big ? label(`${program.number}.${element.number} ${element.name}`, rect.x + 6, rect.y + 16, 13, fill, rect.w - 10) : null,
    big && rect.h > 50 ? label(amount(element.budget.expenditure), rect.x + 6, rect.y + 33, 12, fill, rect.w - 10) : null,
  ];
}

function programGroup(cell, range, handlers, focused) {
  const { program, rect } = cell;
  const title = `Programme ${program.number} ${program.name}: ${amount(program.budget.expenditure)}`;
  const group = svg("g", {
    class: "program",
    "data-program": program.number,
    role: focused ? null : "button",
    tabindex: focused ? null : 0,
    "aria-label": focused ? null : `${title}. Open its elements.`,
  });
  group.append(...cell.elements.flatMap((c) => elementCell(c, program, range, handlers, focused)));
  group.append(svg("rect", {
    class: "program-outline", x: fixed(rect.x), y: fixed(rect.y), width: fixed(rect.w),
    height: fixed(rect.h), fill: "none", "pointer-events": "none",
  }));
  if (!focused) {
    activate(group, () => handlers.onDrill(program));
    const caption = `Programme ${program.number} · ${decimal(program.budget.expenditure)}`;
    group.append(label(caption, rect.x + 6, rect.y + rect.h - 8, 14, "#111", rect.w - 10) ?? []);
  }
  return group;
}

// The selected element's outline, drawn over every rectangle (a stroke of its own would
// be half hidden under its neighbours).
function outline(node) {
  const chart = node.ownerSVGElement;
  let mark = chart.querySelector(".selection");
  if (!mark) {
    mark = svg("rect", { class: "selection", fill: "none", "pointer-events": "none" });
    chart.append(mark);
  }
  for (const name of ["x", "y", "width", "height"]) mark.setAttribute(name, node.getAttribute(name));
}

function patterns() {
  return svg("defs", {},
    svg("pattern", { id: "no-change", width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 8, height: 8, fill: "#d9d9d9" }),
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#b0b0b0", "stroke-width": 3 })));
}

export function legend(range) {
  const stops = [-range, -range / 2, 0, range / 2, range];
  return el("div", { class: "legend", "aria-label": "Colour: change in expenditure from the year before" },
    el("span", { class: "legend-title" }, "Change from the year before"),
    ...stops.map((s) => el("span", { class: "swatch", style: `background:${colour(String(s), range)}` }, percent(String(s)))),
    el("span", { class: "swatch none" }, "no comparison"),
    el("span", { class: "legend-title" }, "Area: expenditure"));
}

// Draw the treemap of `programs` (all, or the one numbered `focus`) into `container`.
export function renderTreemap(container, programs, focus, handlers) {
  const range = bound(programs);
  const chart = svg("svg", {
    class: "treemap",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "group",
    "aria-label": focus === null ? "Programs and their elements" : `Elements of programme ${focus}`,
  }, patterns());
  chart.append(...cells(programs, focus).map((c) => programGroup(c, range, handlers, focus !== null)));
  container.replaceChildren(chart, legend(range));
  return chart;
}
