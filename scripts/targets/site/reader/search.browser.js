// The search: on first use it loads MiniSearch and the book's index (two scripts beside the page, so it works from file://),
// shows the sections that hold every word typed, and marks the words on the page a result leads to.

/** How many results are listed at most. */
const resultLimit = 30;
let searchIndex;

/** Load a script of the site's assets folder. */
function loadScript(name) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `assets/${name}`;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${name} could not be loaded`));
    document.head.append(script);
  });
}

async function openIndex() {
  searchIndex ??= (async () => {
    await loadScript("minisearch.js");
    await loadScript("search-index.js");
    return MiniSearch.loadJSON(window.folioSearchIndex, {
      fields: ["title", "text"],
      storeFields: ["page", "anchor", "title"],
      tokenize: searchTokenize,
      processTerm: searchProcessTerm,
    });
  })();
  return searchIndex;
}

/** The sections holding every word of `query` (the last one may be the start of a word), best first. */
function searchSections(index, query) {
  return index.search(query, { prefix: true, combineWith: "AND", boost: { title: 2 } }).slice(0, resultLimit);
}

function setUpSearch() {
  const input = document.getElementById("search-input");
  const panel = document.getElementById("search-results");
  if (!input || !panel) return;
  input.addEventListener("focus", () => openIndex().catch(() => undefined), { once: true });
  input.addEventListener("input", async () => {
    const query = input.value.trim();
    if (!query) return hideResults(panel);
    const results = searchSections(await openIndex(), query);
    if (input.value.trim() === query) showResults(panel, results, query, input.dataset.noResults);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      panel.querySelector("a")?.focus();
      event.preventDefault();
    } else if (event.key === "Escape") hideResults(panel);
  });
  panel.addEventListener("keydown", (event) => {
    const links = [...panel.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    } else if (event.key === "Escape") {
      hideResults(panel);
      input.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".search")) hideResults(panel);
  });
  markSearchedWords();
}

function showResults(panel, results, query, nothing) {
  const list = document.createElement("ol");
  for (const result of results) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = result.anchor ? `${result.page}#${result.anchor}` : result.page;
    link.textContent = result.title;
    link.addEventListener("click", () => rememberSearch(result.terms));
    item.append(link);
    list.append(item);
  }
  panel.replaceChildren(results.length ? list : Object.assign(document.createElement("p"), { textContent: nothing }));
  panel.hidden = false;
  panel.dataset.query = query;
}

function hideResults(panel) {
  panel.hidden = true;
  panel.replaceChildren();
}

function rememberSearch(terms) {
  try {
    sessionStorage.setItem("folio-search-terms", JSON.stringify(terms));
  } catch {
    // The words are then not marked on the page.
  }
}

/** Mark, on the page a result led to, the words the search found (the CSS Custom Highlight API: the text is not changed). */
function markSearchedWords() {
  let terms;
  try {
    terms = JSON.parse(sessionStorage.getItem("folio-search-terms") ?? "[]");
    sessionStorage.removeItem("folio-search-terms");
  } catch {
    return;
  }
  const main = document.querySelector("main");
  if (!terms.length || !main || !window.CSS?.highlights) return;
  const wanted = new Set(terms);
  const ranges = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const pattern = /[\p{L}\p{N}\p{M}]+/gu;
    for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
      if (!wanted.has(searchProcessTerm(match[0]))) continue;
      const range = new Range();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  CSS.highlights.set("search-match", new Highlight(...ranges));
}
