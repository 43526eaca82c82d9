// Runs inside the print page, before printing. Chromium prints natively but cannot put
// footnotes at the foot of a page nor open chapters on a right-hand page; it can lay out
// a multi-column box whose columns are exactly the pages' text blocks, with the same
// fragmentation engine it prints with. So each page group (front matter section, chapter)
// is laid out once as columns to learn where its pages break; the notes are moved to the
// foot of the page of their reference; blank pages are added before groups that must
// start on a right-hand page; and the first word of every page is recorded for the EPUB's
// page list, with the page of every place the book prints the page of (places.browser.js). It lays
// out the groups from `options.startAt` (else the first) on, from page `options.startPage`, up to
// `options.stopBefore`: Node writes the index's page numbers between two runs; or it lays out again,
// from their HTML as first loaded, the groups `options.redo` whose references' page numbers needed
// more or fewer digits than guessed. Plain JavaScript: it is sent to the page as text, after the
// parts it calls (geometry.browser.js, notes.browser.js, page-starts.browser.js, hyphens.browser.js,
// scene-breaks.browser.js, places.browser.js).
(options) => {
  const { width, height, gap } = options;
  const root = document.documentElement;
  root.style.setProperty("--folio-column-width", `${width}px`);
  root.style.setProperty("--folio-column-gap", `${gap}px`);
  root.style.setProperty("--folio-page-height", `${height}px`);
  root.classList.add("folio-measuring");

  const geometry = folioGeometry(options);
  const notes = folioNotes(options, geometry);
  const { pageCount, pageStarts } = folioPageStarts(geometry);
  const hyphens = folioHyphens(geometry);
  const sceneBreaks = folioSceneBreaks(geometry);
  const places = folioPlaces(geometry, options);
  // Marked elements (images, tables, code, drawings) wider than a page's text block, outermost only.
  const overflows = [];
  const measureOverflows = (group) => {
    let outer;
    for (const element of group.querySelectorAll("[data-line]")) {
      if (outer?.contains(element)) continue;
      // One box per fragment: a table split over pages has one per page, each its own width.
      const widest = Math.max(0, ...Array.from(element.getClientRects(), (rect) => rect.width));
      if (widest <= width + 0.5) continue;
      outer = element;
      const line = Number(element.dataset.line);
      const column = Number(element.dataset.column);
      overflows.push({ chapter: group.id, tag: element.localName, width: widest, line, column });
    }
  };

  /** Lay out `group` as columns: its notes placed, its pages and their starts, its places; then its hyphens settled. */
  const layOutGroup = (group) => {
    // One group at a time is laid out as columns; the others are out of the layout meanwhile.
    group.classList.add("folio-measured");
    if (group.querySelector(".note-pool > .footnote")) notes.placeNotes(group);
    const pages = pageCount(group);
    sceneBreaks.markEdges(group);
    measureOverflows(group);
    const starts = group.classList.contains("chapter") ? pageStarts(group) : [];
    const lineEnds = hyphens.lineEnds(group);
    places.record(group, pages);
    group.classList.remove("folio-measured");
    // Out of the layout now, so that changing its text lays nothing out again.
    hyphens.settle(group, lineEnds);
    return { pages, starts };
  };
  const finish = (result) => {
    notes.dispose();
    root.classList.remove("folio-measuring");
    return { ...result, places: places.found(), bodyStart: places.bodyStart(), overflows };
  };

  // Groups to lay out again from their HTML as first loaded (kept below), their references' pages now known.
  if (options.redo) {
    const redone = {};
    for (const id of options.redo) {
      const fresh = document.createRange().createContextualFragment(window.folioOriginals[id]).firstElementChild;
      document.getElementById(id).replaceWith(fresh);
      places.fill(fresh, 0);
      redone[id] = layOutGroup(fresh);
    }
    return finish({ redone });
  }

  const all = Array.from(document.querySelectorAll(".page-group"));
  const from = options.startAt ? all.findIndex((group) => group.id === options.startAt) : 0;
  const end = options.stopBefore ? all.findIndex((group) => group.id === options.stopBefore) : -1;
  const groups = all.slice(Math.max(0, from), end >= 0 ? end : all.length);
  window.folioOriginals ??= {};
  const plan = [];
  let page = options.startPage ?? 0;
  for (const [index, group] of groups.entries()) {
    // Progress for the terminal: Chromium delivers console messages while this loop still runs.
    console.debug(`folio-layout ${index}/${groups.length} ${page}`);
    // A group whose references' pages are guessed may have to be laid out again: keep it as it is.
    if (group.querySelector(".page-ref[data-page-of]")) window.folioOriginals[group.id] = group.outerHTML;
    const blankBefore = group.classList.contains("recto") && page % 2 === 1;
    places.fill(group, blankBefore ? page + 1 : page);
    const { pages, starts } = layOutGroup(group);
    if (blankBefore) {
      const blank = document.createElement("div");
      blank.className = "blank-page";
      blank.setAttribute("aria-hidden", "true");
      group.before(blank);
      plan.push({ kind: "blank", id: "", page, pages: 1, starts: [], recto: false });
      page += 1;
    }
    plan.push({
      kind: group.dataset.kind ?? "",
      id: group.id,
      page,
      pages,
      starts,
      recto: group.classList.contains("recto"),
      apart: group.hasAttribute("data-apart"),
    });
    page += pages;
  }
  return finish({ plan, pages: page });
};
