// Part of the page layout (plan.browser.js runs it): how many pages a laid-out group takes, and
// how many words and images of its running text come before each of its pages.
function folioPageStarts({ columnOf, charRect, textNodesOf, firstWhere }) {
  /** How many pages `group` takes: up to the column of its last box (a trailing forced break adds no page). */
  const pageCount = (group) => {
    const children = Array.from(group.children).filter((child) => !child.matches(".note-pool"));
    let last = 0;
    for (const child of children) {
      for (const rect of child.getClientRects()) last = Math.max(last, columnOf(group, rect));
    }
    return last + 1;
  };

  /**
   * For each page of `group` after its first: how many words and images of its running text
   * come before the page, as [words, images].
   */
  const pageStarts = (group) => {
    const starts = [];
    let words = 0;
    let images = 0;
    let inWord = false;
    let column = 0;
    const isJoin = (ch) => /[\p{L}\p{N}\u00AD]/u.test(ch);
    const isLetter = (ch) => /[\p{L}\p{N}]/u.test(ch);
    // Words are counted per text node, as the EPUB counts them; only a word this layout split
    // between a paragraph and its continuation on the next page is counted once.
    const continuesWord = (node) => {
      const paragraph = node.parentElement.closest("p.continued");
      if (!paragraph || textNodesOf(paragraph)[0] !== node) return false;
      let before = paragraph.previousElementSibling;
      while (before?.classList.contains("page-foot")) before = before.previousElementSibling;
      return Boolean(before?.classList.contains("split-word"));
    };
    const count = (text, from, to) => {
      for (let i = from; i < to; i++) {
        if (isLetter(text[i]) && !inWord) words++;
        inWord = isJoin(text[i]);
      }
    };
    const walker = document.createTreeWalker(group, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.ELEMENT_NODE)
          // A reference's page is print's own: the EPUB, whose words the page starts count, has none.
          return node.matches(".page-foot, .note-pool, .page-ref")
            ? NodeFilter.FILTER_REJECT
            : node.matches("img")
              ? NodeFilter.FILTER_ACCEPT
              : NodeFilter.FILTER_SKIP;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        // An image opens a page when it is the first thing there (a figure carried over).
        const rect = node.getClientRects()[0];
        for (const last = rect ? columnOf(group, rect) : column; column < last; column++) starts.push([words, images]);
        images++;
        continue;
      }
      inWord = continuesWord(node);
      const text = node.data;
      const lastRect = (() => {
        for (let i = text.length - 1; i >= 0; i--) {
          const rect = charRect(node, i);
          if (rect && rect.width > 0) return rect;
        }
        return undefined;
      })();
      const lastColumn = lastRect ? columnOf(group, lastRect) : column;
      let i = 0;
      while (column < lastColumn) {
        const next = column + 1;
        const boundary = firstWhere(i, text.length, (j) => {
          for (let k = j; k < text.length; k++) {
            const rect = charRect(node, k);
            if (rect && rect.width > 0) return columnOf(group, rect) >= next;
          }
          return true;
        });
        count(text, i, boundary);
        i = boundary;
        starts.push([words, images]);
        column = next;
      }
      count(text, i, text.length);
    }
    return starts;
  };

  return { pageCount, pageStarts };
}
