// Part of the page layout (plan.browser.js runs it): where a box of a page group laid out as
// columns falls (column, top, bottom), and the group's text, character by character.
function folioGeometry({ width, gap }) {
  const pitch = width + gap;
  const columnOf = (group, rect) =>
    Math.max(0, Math.floor((rect.left - group.getBoundingClientRect().left + gap / 2) / pitch));
  const topIn = (group, rect) => rect.top - group.getBoundingClientRect().top;
  const bottomIn = (group, rect) => rect.bottom - group.getBoundingClientRect().top;

  /**
   * The rect of character `offset` of a text node, or undefined for a collapsed character.
   * The last of the range's rects: the character after a line broken at a soft hyphen also
   * reports the hyphen's box, at the end of the line above, before its own.
   * One range serves every call: the document keeps each live range up to date on every change
   * to the tree until it is collected, and a range per character made moving the notes of a long
   * book quadratic (2.3 s on 1,300 pages, 9.1 s on 2,600; 1.1 s and 2.0 s with one range).
   */
  const range = document.createRange();
  const charRect = (node, offset) => {
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rects = range.getClientRects();
    return rects.length > 0 ? rects[rects.length - 1] : undefined;
  };

  /** Text nodes of `element` in order; running text leaves out notes, wherever they are. */
  const textNodesOf = (element, runningText = true) => {
    const nodes = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        runningText && node.parentElement.closest(".page-foot, .note-pool, .folio-measure-box")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  };

  /** Characters of `element` as [node, offset] pairs addressed by one global index. */
  const charIndex = (element, runningText = true) => {
    const nodes = textNodesOf(element, runningText);
    const starts = [];
    let total = 0;
    for (const node of nodes) {
      starts.push(total);
      total += node.data.length;
    }
    const at = (index) => {
      let lo = 0;
      let hi = nodes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= index) lo = mid;
        else hi = mid - 1;
      }
      return [nodes[lo], index - starts[lo]];
    };
    /** Rect of the character at `index` or the next one that has a box. */
    const rectFrom = (index) => {
      for (let i = index; i < total && i < index + 64; i++) {
        const [node, offset] = at(i);
        const rect = charRect(node, offset);
        if (rect && rect.width > 0) return rect;
      }
      return undefined;
    };
    return { total, at, rectFrom };
  };

  /** The first index in [lo, hi) for which `test` holds (test is monotone), or hi. */
  const firstWhere = (lo, hi, test) => {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  return { columnOf, topIn, bottomIn, charRect, textNodesOf, charIndex, firstWhere };
}
