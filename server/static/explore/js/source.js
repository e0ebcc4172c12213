// The source viewer: a document's text with the lines of the selection highlighted.

import { graphql, DOCUMENT_TEXT } from "./api.js";
import { el } from "./format.js";

const texts = new Map(); // document id → Promise of its lines

function documentLines(id) {
  if (!texts.has(id)) {
    texts.set(id, graphql(DOCUMENT_TEXT, { id }).then((data) => {
      const whole = data.node.provenance[0];
      return { start: whole.lineStart, lines: whole.text.split("\n") };
    }));
  }
  return texts.get(id);
}

export class SourceViewer {
  constructor(list, title, documents) {
    this.list = list;
    this.title = title;
    this.documents = documents; // name → { id, name, year }
    this.shown = null;
  }

  async show(name) {
    if (this.shown === name) return;
    const found = this.documents.get(name);
    if (!found) throw new Error(`no document named ${name}`);
    const { start, lines } = await documentLines(found.id);
    this.list.replaceChildren(
      ...lines.map((text, i) =>
        el("li", { class: "line", id: `line-${start + i}`, "data-line": start + i }, text || " "),
      ),
    );
    this.list.setAttribute("start", start);
    this.title.textContent = name;
    this.shown = name;
  }

  // Highlight the spans of `provenance` that are in its first document; scroll to the first.
  async highlight(provenance) {
    if (!provenance.length) return this.clear();
    const name = provenance[0].document;
    await this.show(name);
    this.clear();
    const spans = provenance.filter((p) => p.document === name);
    for (const span of spans) {
      for (let n = span.lineStart; n <= span.lineEnd; n += 1) {
        const line = this.list.querySelector(`#line-${n}`);
        if (line) line.classList.add("highlighted");
      }
    }
    const first = this.list.querySelector(`#line-${spans[0].lineStart}`); // the main one comes first
    // Scroll the viewer only (the list is positioned), not the page around it.
    if (first) this.list.scrollTop = first.offsetTop - this.list.clientHeight / 2;
  }

  clear() {
    for (const line of this.list.querySelectorAll(".highlighted")) line.classList.remove("highlighted");
  }
}
