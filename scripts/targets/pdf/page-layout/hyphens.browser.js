// Part of the page layout (plan.browser.js runs it): once a group is laid out, replace a soft
// hyphen where its line really breaks by a hyphen-minus, and remove every other one. Chromium
// writes each soft hyphen into the PDF's text (a zero-width glyph marked /ActualText U+00AD, and
// at a line end U+00AD U+2010), so pdftotext read "inde<U+00AD>pen<U+00AD>dence" and searching
// found nothing; a hyphen-minus at a line end is joined across the line by pdftotext and by
// pdf.js's search. It goes in its own span, shaped apart from the letter before it (print.css):
// kerned with it, it made lines a hair longer and moved words (measured on the synthetic book).
function folioHyphens({ columnOf, charRect, textNodesOf }) {
  const shy = "\u00AD";

  /** Whether `after` lies on a later line or column than `before` (two character rects of one group). */
  const breaksBetween = (group, before, after) => {
    if (!before || !after) return undefined;
    if (columnOf(group, after) !== columnOf(group, before)) return true;
    return after.top > before.top + before.height / 2;
  };

  /**
   * The soft hyphens of `group` at which a line breaks, as [node, offset] pairs. Read while the
   * group is laid out as columns and before anything changes: a change would lay it out again.
   * The line breaks of a text node are found by bisection over its soft hyphens: when the
   * characters around the first and the last of a run are on one line, none in between breaks.
   */
  const lineEnds = (group) => {
    const found = [];
    for (const node of textNodesOf(group, false)) {
      const text = node.data;
      if (!text.includes(shy)) continue;
      const offsets = [];
      for (let i = text.indexOf(shy); i >= 0; i = text.indexOf(shy, i + 1)) offsets.push(i);
      const around = (offset) => [
        offset > 0 ? charRect(node, offset - 1) : undefined,
        offset + 1 < text.length ? charRect(node, offset + 1) : undefined,
      ];
      const visit = (lo, hi) => {
        const [first] = around(offsets[lo]);
        const [, last] = around(offsets[hi]);
        const breaks = breaksBetween(group, first, last);
        if (breaks === false) return;
        if (lo === hi) {
          if (breaks) found.push([node, offsets[lo]]);
          return;
        }
        const mid = (lo + hi) >> 1;
        visit(lo, mid);
        visit(mid + 1, hi);
      };
      visit(0, offsets.length - 1);
    }
    return found;
  };

  /** Put a hyphen where each soft hyphen of `ends` was and remove all other soft hyphens from `group`'s text. */
  const settle = (group, ends) => {
    const byNode = new Map();
    for (const [node, offset] of ends) byNode.set(node, [...(byNode.get(node) ?? []), offset]);
    for (const node of textNodesOf(group, false)) {
      if (!node.data.includes(shy)) continue;
      // From the last break back, so that the offsets before it stay valid.
      for (const offset of (byNode.get(node) ?? []).sort((a, b) => b - a)) {
        const rest = node.splitText(offset);
        rest.data = rest.data.slice(1).replaceAll(shy, "");
        const hyphen = document.createElement("span");
        hyphen.className = "hy";
        hyphen.textContent = "-";
        rest.before(hyphen);
      }
      node.data = node.data.replaceAll(shy, "");
    }
  };

  return { lineEnds, settle };
}
