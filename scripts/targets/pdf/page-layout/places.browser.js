// Part of the page layout (plan.browser.js runs it): the page of each place whose page the book
// prints ([data-place]: index marks, the targets of references with a page), and the numbers of the
// references with a page (span.page-ref), written before their group is laid out: the label of the
// target's page when its group was laid out before, else the label Node knew from an earlier run,
// else an estimate from the characters between the group and the target. Node corrects them once
// every page is known (place-pages.ts): page numbers are set in tabular figures (print.css), so a
// number corrected to one of as many digits changes no line; the group of one of another length is
// laid out again.
// Each place's top on its page and whether it is inline go to Node too: Chromium names an inline
// element's destination from where its line stood before a break moved it to the next page
// (widows), so Node points those destinations at the page and height found here.
function folioPlaces({ columnOf, topIn }, { bodyStartId, bodyStart: knownStart, known = {}, redo, romans = [] }) {
  /** Place id → [id of its page group, column of the group it falls in, top in the column, inline]. */
  const found = new Map();
  /** Group id → its first page. */
  const groupPages = new Map();
  let bodyStart = knownStart;
  let laidChars = 0;
  let laidPages = 0;

  const refs = Array.from(document.querySelectorAll(".page-ref[data-page-of]"));
  // Characters of the document before each group and each target a reference names (for estimates).
  const offsets = new Map();
  if (refs.length > 0) {
    const wanted = new Set([...document.querySelectorAll(".page-group, [data-place]")]);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) count += node.data.length;
      else if (wanted.has(node)) offsets.set(node, count);
    }
  }

  // Front-matter pages are numbered in roman: Node sends the numerals (pdf/folios.ts makes them).
  const roman = (n) => romans[n - 1] ?? String(n);
  /** A page's label as the PDF's page labels and folios give it (pdf/folios.ts). */
  const labelOf = (index, start) => (index >= start ? String(index - start + 1) : roman(index + 1));
  const pageOf = (id) => (found.has(id) ? groupPages.get(found.get(id)[0]) + found.get(id)[1] : undefined);

  const estimate = (id, group, first) => {
    const target = document.getElementById(id);
    const perPage = laidPages > 0 ? laidChars / laidPages : 1800;
    const ahead = (element) =>
      Math.max(0, Math.round(((offsets.get(element) ?? 0) - (offsets.get(group) ?? 0)) / perPage));
    const start = bodyStart ?? first + ahead(document.getElementById(bodyStartId) ?? group);
    return labelOf(first + (target ? ahead(target.closest("[data-place]") ?? target) : 0), start);
  };

  const write = (span, id, label) => {
    const [before, after = ""] = span.dataset.pageText.split("{page}");
    const link = document.createElement("a");
    link.href = `#${id}`;
    link.textContent = label;
    span.replaceChildren(before, link, after);
  };

  /** Before `group` is laid out from page `first`: write the page of each of its references. */
  const fill = (group, first) => {
    if (group.id === bodyStartId && bodyStart === undefined) bodyStart = first;
    groupPages.set(group.id, first);
    for (const span of group.querySelectorAll(".page-ref[data-page-of]")) {
      const id = span.dataset.pageOf;
      // Laid out again, a group takes every page from `known`: its own pages here are not its place's.
      const page = redo ? undefined : pageOf(id);
      const label =
        page !== undefined && bodyStart !== undefined
          ? labelOf(page, bodyStart)
          : (known[id] ?? estimate(id, group, first));
      write(span, id, label);
    }
  };

  /** While `group` is laid out as columns: the column each of its places falls in. */
  const record = (group, pages) => {
    for (const element of group.querySelectorAll("[data-place]")) {
      const rect = element.getClientRects()[0] ?? element.parentElement?.getClientRects()[0];
      const column = rect ? Math.max(0, Math.min(pages - 1, columnOf(group, rect))) : 0;
      const top = rect ? Math.max(0, Math.round(topIn(group, rect) * 100) / 100) : 0;
      found.set(element.id, [group.id, column, top, getComputedStyle(element).display === "inline"]);
    }
    laidChars += (group.textContent ?? "").length;
    laidPages += pages;
  };

  return { fill, record, found: () => Object.fromEntries(found), bodyStart: () => bodyStart };
}
