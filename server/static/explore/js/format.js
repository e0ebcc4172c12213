// Writing the API's exact decimal strings for people, without going through floats.

const NBSP = "\u00a0";

// "51100.0" → "51 100,0", "-1.5" → "−1,5": the documents' own style.
export function decimal(text) {
  if (text === null || text === undefined) return "—";
  const negative = text.startsWith("-");
  const [whole, fraction] = text.replace(/^[-+]/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (negative ? "−" : "") + grouped + (fraction !== undefined ? "," + fraction : "");
}

// Thousands of dollars, as the tables state them.
export function amount(text) {
  return text === null || text === undefined ? "no figure" : `${decimal(text)}${NBSP}k$`;
}

export function percent(text) {
  if (text === null || text === undefined) return "no comparison";
  const sign = text.startsWith("-") ? "" : "+";
  return `${sign}${decimal(text)}${NBSP}%`;
}

export function lines(provenance) {
  return provenance
    .map((p) => (p.lineEnd > p.lineStart ? `${p.lineStart}–${p.lineEnd}` : `${p.lineStart}`))
    .join(", ");
}

// An element built from a tag, attributes and children (text or elements).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

// Enter and Space activate a focusable non-button element, as they do a button.
export function activate(node, action) {
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action(event);
    }
  });
}
