// The organisation chart: organizations → groups → units → sub-units, with reports-to.

import { graphql, ORGANISATION } from "./api.js";
import { el } from "./format.js";

// Every unit of the portfolio, page by page (a connection gives at most 100 at a time).
export async function loadOrganisation(variables) {
  let data = await graphql(ORGANISATION, variables);
  const portfolio = data.portfolio;
  const units = portfolio.orgUnits.edges.map((e) => e.node);
  while (data.portfolio.orgUnits.pageInfo.hasNextPage) {
    const after = data.portfolio.orgUnits.pageInfo.endCursor;
    data = await graphql(ORGANISATION, { ...variables, after });
    units.push(...data.portfolio.orgUnits.edges.map((e) => e.node));
  }
  return { organizations: portfolio.organizations, groups: portfolio.orgGroups, units };
}

function childrenOf(units) {
  const found = new Map();
  for (const unit of units) {
    const parent = unit.parent ? unit.parent.id : null;
    if (!found.has(parent)) found.set(parent, []);
    found.get(parent).push(unit);
  }
  return found;
}

function nodeButton(entity, kind, note, onSelect) {
  return el("button", { class: `org-node org-${kind}`, type: "button", "data-id": entity.id,
    onclick: () => onSelect(entity, kind) },
    el("span", { class: "org-name" }, entity.name),
    note ? el("span", { class: "org-note" }, note) : null);
}

function unitItem(unit, children, onSelect, seen) {
  if (seen.has(unit.id)) return null; // a cycle in stated relations: shown once
  seen.add(unit.id);
  const reports = unit.reportsTo.length ? `reports to ${unit.reportsTo.map((r) => r.name).join(", ")}` : unit.unitType;
  const below = (children.get(unit.id) || []).map((u) => unitItem(u, children, onSelect, seen));
  return el("li", {}, nodeButton(unit, "unit", reports, onSelect),
    below.length ? el("ul", { class: "org-units" }, below) : null);
}

function groupColumn(group, children, onSelect, seen) {
  const note = group.supervisedBy.length
    ? `under the ${group.supervisedBy.map((r) => r.name).join(", ")}`
    : group.kind.toLowerCase().replace("_", " ");
  const units = (children.get(group.id) || []).map((u) => unitItem(u, children, onSelect, seen));
  return el("li", { class: "org-column" }, nodeButton(group, "group", note, onSelect),
    units.length ? el("ul", { class: "org-units" }, units) : null);
}

export function renderOrganisation(container, chart, onSelect) {
  const children = childrenOf(chart.units);
  const seen = new Set();
  const byParent = new Map();
  for (const group of chart.groups) {
    const parent = group.parent ? group.parent.id : null;
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent).push(group);
  }
  const ministryFirst = [...chart.organizations].sort((a, b) => Number(a.isBody) - Number(b.isBody));
  const trees = ministryFirst.map((org) => {
    const groups = (byParent.get(org.id) || []).map((g) => groupColumn(g, children, onSelect, seen));
    const roles = [...org.roles, ...org.advises].map((r) => r.name);
    const note = org.isBody ? "body reporting to the minister" : roles.length ? `roles: ${roles.join(", ")}` : "ministry";
    return el("li", { class: "org-tree" }, nodeButton(org, "organization", note, onSelect),
      groups.length ? el("ul", { class: "org-columns" }, groups) : null);
  });
  const orphans = (byParent.get(null) || []).map((g) => groupColumn(g, children, onSelect, seen));
  if (orphans.length) trees.push(el("li", { class: "org-tree" }, el("ul", { class: "org-columns" }, orphans)));
  container.replaceChildren(
    el("ul", { class: "org-chart", "aria-label": "Organisation chart" }, trees),
    el("p", { class: "hint" }, `${chart.groups.length} groups, ${seen.size} units.`),
  );
}
