// Part of the page layout (plan.browser.js runs it): each note moves to the foot of the page its
// reference falls on; a foot too tall for its page is split and carried to the next page.
function folioNotes({ height, maxFootRatio }, { columnOf, topIn, bottomIn, charIndex, firstWhere }) {
  const measureBox = document.createElement("div");
  measureBox.className = "folio-measure-box";
  document.body.append(measureBox);

  /** Height of `notes` laid out at the text width, under the note rule. */
  const footHeight = (notes) => {
    const inner = document.createElement("div");
    inner.className = "page-foot-notes";
    for (const note of notes) inner.append(note);
    measureBox.replaceChildren(inner);
    return notes.length > 0 ? inner.getBoundingClientRect().height : 0;
  };

  /**
   * Split `note` so that the foot holding `notes` (note last) is at most `limit` high.
   * Returns the continuation to carry to the next page, or undefined when nothing fits.
   */
  const splitNote = (notes, note, limit) => {
    footHeight(notes);
    const inner = measureBox.firstChild;
    const top = inner.getBoundingClientRect().top;
    const chars = charIndex(note, false);
    const k = firstWhere(0, chars.total, (i) => {
      const rect = chars.rectFrom(i);
      return !rect || rect.bottom - top > limit;
    });
    if (k <= 0 || k >= chars.total) return undefined;
    const [node, offset] = chars.at(k);
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEndAfter(note.lastChild);
    const rest = document.createElement("div");
    rest.className = "footnote continued";
    rest.setAttribute("role", "note");
    rest.append(range.extractContents());
    for (const child of Array.from(rest.children)) if (child.classList.contains("note-number")) child.remove();
    return rest;
  };

  /** The deepest block at which to end column `c` of `group` so that text stays above `limit`. */
  const breakPoint = (group, container, c, limit) => {
    for (const child of Array.from(container.children)) {
      if (child.matches(".note-pool, .page-foot, .folio-end")) continue;
      const fragments = Array.from(child.getClientRects()).filter((r) => r.height > 0 || r.width > 0);
      if (fragments.length === 0) continue;
      const first = fragments[0];
      if (columnOf(group, first) > c) return { before: child };
      const here = fragments.find((r) => columnOf(group, r) === c);
      if (!here || bottomIn(group, here) <= limit) continue;
      const startsHere = columnOf(group, first) === c;
      if (startsHere && topIn(group, here) >= limit - 0.5) return { before: child };
      if (child.matches("p")) return { split: child };
      if (child.matches("ul, ol, blockquote, div, section, aside, dl")) return breakPoint(group, child, c, limit);
      return startsHere ? { before: child } : { inside: child };
    }
    return { end: true };
  };

  /** Split paragraph `p` at the first line of column `c` whose bottom passes `limit`; returns the element to insert before. */
  const splitParagraph = (group, p, c, limit) => {
    const chars = charIndex(p);
    const below = (i) => {
      const rect = chars.rectFrom(i);
      return !rect || columnOf(group, rect) > c || (columnOf(group, rect) === c && bottomIn(group, rect) > limit);
    };
    let k = firstWhere(0, chars.total, below);
    const lineTop = (i) => chars.rectFrom(i)?.top;
    // Keep two lines together at each side of the break (widows and orphans).
    const restTop = lineTop(k);
    const lastRect = chars.rectFrom(Math.max(0, chars.total - 1));
    if (lastRect && restTop !== undefined && Math.abs(lastRect.top - restTop) < 1) {
      const previousTop = lineTop(Math.max(0, k - 1));
      if (previousTop !== undefined) k = firstWhere(0, k, (i) => (lineTop(i) ?? Infinity) >= previousTop - 0.5);
    }
    const firstTop = lineTop(0);
    const beforeTop = lineTop(Math.max(0, k - 1));
    const startsInColumn = chars.rectFrom(0) && columnOf(group, chars.rectFrom(0)) === c;
    const keep = { undo: () => {} };
    if (
      k <= 0 ||
      (startsInColumn && firstTop !== undefined && beforeTop !== undefined && Math.abs(beforeTop - firstTop) < 1)
    )
      return { ...keep, anchor: p };
    if (k >= chars.total) return { ...keep, anchor: p.nextSibling };
    const [node, offset] = chars.at(k);
    const splitClasses = p.className;
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEndAfter(p.lastChild);
    const rest = p.cloneNode(false);
    rest.removeAttribute("id");
    rest.classList.add("continued");
    rest.append(range.extractContents());
    p.classList.add("split");
    const previous = node.data.slice(0, offset);
    if (/[\p{L}\p{N}\u00AD]$/u.test(previous) && /^[\p{L}\p{N}]/u.test(rest.textContent ?? "")) {
      // The line ended at a hyphenation point: show the hyphen the soft hyphen showed there.
      p.classList.add("split-word");
      node.data = `${previous.replace(/\u00AD$/, "")}\u2010`;
    }
    p.after(rest);
    const undo = () => {
      node.data = previous;
      p.className = splitClasses;
      p.append(...Array.from(rest.childNodes));
      rest.remove();
      p.normalize();
    };
    return { anchor: rest, undo };
  };

  /** End column `c` of `group` with a foot holding `notes`, a line higher each time the foot would not fit. */
  const placeFoot = (group, c, notes) => {
    const noteHeight = footHeight(notes);
    const foot = document.createElement("div");
    foot.className = "page-foot";
    const inner = document.createElement("div");
    inner.className = "page-foot-notes";
    for (const note of notes) inner.append(note);
    if (notes.length > 0) foot.append(inner);
    for (let attempt = 0; attempt < 6; attempt++) {
      // A pixel to spare, since line boxes end at fractions of a pixel; then a line more each try.
      const limit = height - noteHeight - 1 - attempt * noteLine * 1.5;
      const undo = insertFoot(group, c, foot, limit);
      const rect = foot.getBoundingClientRect();
      const room = height - topIn(group, rect);
      if ((columnOf(group, rect) === c && room >= noteHeight) || attempt === 5) {
        foot.style.height = `${Math.max(noteHeight, room - 1)}px`;
        return foot;
      }
      foot.remove();
      undo();
    }
    return foot;
  };

  /** Put `foot` where column `c` must end for its text to stay above `limit`; returns how to take it out again. */
  const insertFoot = (group, c, foot, limit) => {
    const point = breakPoint(group, group, c, limit);
    let undo = () => {};
    let anchor = point.before ?? null;
    if (point.split) {
      const split = splitParagraph(group, point.split, c, limit);
      anchor = split.anchor;
      undo = split.undo;
    }
    if (point.inside) point.inside.after(foot);
    else if (point.end || !anchor) group.insertBefore(foot, group.querySelector(".note-pool"));
    else anchor.parentNode.insertBefore(foot, anchor);
    return undo;
  };

  const refOf = (note) => document.getElementById(note.dataset.ref);
  const refColumn = (group, note) => {
    const ref = refOf(note);
    const rect = ref?.getClientRects()[0];
    return rect ? columnOf(group, rect) : 0;
  };
  const refBottom = (group, note) => {
    const rect = refOf(note)?.getClientRects()[0];
    return rect ? bottomIn(group, rect) : 0;
  };

  /** Height of one line of notes, and of the rule with the first two lines of a note. */
  const probe = document.createElement("div");
  probe.className = "page-foot-notes";
  probe.innerHTML = "x";
  measureBox.replaceChildren(probe);
  const oneLine = probe.getBoundingClientRect().height;
  probe.innerHTML = "x<br>x";
  const noteLine = probe.getBoundingClientRect().height - oneLine;
  const firstLines = oneLine + noteLine;

  /** Move each note of `group` to the foot of the page its reference falls on. */
  const placeNotes = (group) => {
    const pending = Array.from(group.querySelectorAll(".note-pool > .footnote"));
    const maxFoot = height * maxFootRatio;
    let carry;
    let carryColumn = -1;
    let pushed;
    for (let guard = 0; (pending.length > 0 || carry) && guard < 4 * pending.length + 100; guard++) {
      const c = carry ? carryColumn : refColumn(group, pending[0]);
      const carried = carry ? [carry] : [];
      let notes = pending.filter((note) => refColumn(group, note) === c);
      for (let round = 0; round < 6; round++) {
        // A foot taller than maxFoot is split and its rest carried to the next page.
        const limit = height - Math.min(maxFoot, footHeight([...carried, ...notes]));
        const fitting = notes.filter((note) => refBottom(group, note) <= limit);
        if (fitting.length === notes.length) break;
        notes = fitting;
      }
      let room = maxFoot;
      if (carried.length === 0 && notes.length === 0 && refColumn(group, pending[0]) === c) {
        // A long note may start below its reference and continue on the next page.
        const below = height - refBottom(group, pending[0]) - noteLine;
        if (below >= firstLines) {
          notes = [pending[0]];
          room = below;
        }
      }
      if (carried.length === 0 && notes.length === 0) {
        if (pushed !== pending[0]) {
          // The reference's line cannot share its page with the note: end the page above it.
          pushed = pending[0];
          placeFootAt(group, c, topIn(group, refOf(pending[0]).getClientRects()[0]));
          continue;
        }
        notes = [pending[0]];
      }
      const chosen = [...carried, ...notes];
      const next = footHeight(chosen) > room ? splitNote(chosen, chosen[chosen.length - 1], room) : undefined;
      for (const note of notes) pending.splice(pending.indexOf(note), 1);
      placeFoot(group, c, chosen);
      carry = next;
      carryColumn = c + 1;
    }
  };

  /** End column `c` early, above `limit`, with an empty foot. */
  const placeFootAt = (group, c, limit) => {
    const point = breakPoint(group, group, c, limit);
    const foot = document.createElement("div");
    foot.className = "page-foot";
    const anchor = point.split ? splitParagraph(group, point.split, c, limit).anchor : point.before;
    if (anchor) anchor.parentNode.insertBefore(foot, anchor);
    else group.insertBefore(foot, group.querySelector(".note-pool"));
    foot.style.height = `${Math.max(1, height - topIn(group, foot.getBoundingClientRect()) - 1)}px`;
  };

  return { placeNotes, dispose: () => measureBox.remove() };
}
