// Part of the page layout (plan.browser.js runs it): a scene break that a theme draws as a blank
// line vanishes when it falls at the head or foot of a page, and the reader cannot tell that the
// scene changed. Each scene break that stands first or last on its page is marked `at-page-edge`,
// and the themes draw its mark there. Only visibility changes, so the pages stay as laid out.
function folioSceneBreaks({ columnOf }) {
  const beside = (element, step) => {
    let next = element[step];
    while (next?.matches(".page-foot, .note-pool, .blank-page")) next = next[step];
    return next;
  };
  const rectsOf = (element) => Array.from(element.getClientRects()).filter((rect) => rect.height > 0);

  /** Mark the scene breaks of the laid-out `group` that stand at the head or foot of a page. */
  const markEdges = (group) => {
    for (const mark of Array.from(group.querySelectorAll(".scene-break"))) {
      const column = columnOf(group, mark.getBoundingClientRect());
      const before = beside(mark, "previousElementSibling");
      const after = beside(mark, "nextElementSibling");
      const beforeRects = before ? rectsOf(before) : [];
      const afterRects = after ? rectsOf(after) : [];
      const atHead = beforeRects.length === 0 || columnOf(group, beforeRects[beforeRects.length - 1]) !== column;
      const atFoot = afterRects.length === 0 || columnOf(group, afterRects[0]) !== column;
      mark.classList.toggle("at-page-edge", atHead || atFoot);
    }
  };
  return { markEdges };
}
