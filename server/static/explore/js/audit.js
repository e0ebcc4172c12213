// The audit: each stated figure checked against the one computed from the leaf figures,
// findings grouped by status (those needing attention first), each with its lines.

import { decimal, el } from "./format.js";

export const STATUSES = ["MISMATCH", "RESTATED", "ROUNDING", "UNCHECKED", "OK"];

export function byStatus(findings) {
  const groups = new Map(STATUSES.map((s) => [s, []]));
  for (const [index, found] of findings.entries()) {
    const finding = { ...found, index };
    if (!groups.has(finding.status)) groups.set(finding.status, []);
    groups.get(finding.status).push(finding);
  }
  return groups;
}

const UNITS = { "000 $": "k$", persons: "persons" };

function value(text, unit) {
  return `${decimal(text)}\u00a0${UNITS[unit] || unit}`;
}

export function summary(finding) {
  const stated = finding.stated === null ? `“${finding.statedRaw}”` : value(finding.stated, finding.unit);
  const expected = finding.expected === null ? "not computed" : value(finding.expected, finding.unit);
  return `states ${stated}, computed ${expected}`;
}

function row(finding, onSelect) {
  return el("li", {}, el("button", { type: "button", class: `finding status-${finding.status}`,
    "data-index": finding.index,
    onclick: () => onSelect(finding) },
    el("span", { class: "finding-id" }, finding.identity),
    el("span", { class: "finding-entity" }, finding.entity.name),
    el("span", { class: "finding-values" }, summary(finding)),
    el("span", { class: "finding-line" }, `${finding.statedAt.document}:${finding.statedAt.lineStart}`)));
}

export function renderAudit(container, findings, onSelect) {
  const groups = byStatus(findings);
  const counts = el("p", { class: "audit-counts" },
    [...groups].map(([status, items]) => el("button", { type: "button", class: `count status-${status}`,
      disabled: items.length === 0,
      onclick: () => container.querySelector(`#audit-${status} h3`).focus() }, `${status} ${items.length}`)));
  const sections = [...groups].filter(([, items]) => items.length).map(([status, items]) =>
    el("section", { class: "audit-group", id: `audit-${status}`, "aria-label": `${status}: ${items.length}` },
      el("h3", { tabindex: -1 }, `${status} (${items.length})`),
      el("ul", { class: "findings" }, items.map((f) => row(f, onSelect)))));
  container.replaceChildren(counts, ...sections);
}
