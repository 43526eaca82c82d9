// Run in the page's head, before it is drawn: the colour scheme and text size the reader chose, remembered across pages.
(() => {
  const root = document.documentElement;
  root.classList.replace("no-js", "js");
  try {
    const scheme = localStorage.getItem("folio-scheme");
    if (scheme === "light" || scheme === "dark" || scheme === "sepia") root.dataset.scheme = scheme;
    const step = Number(localStorage.getItem("folio-text-step"));
    if (step) root.style.setProperty("--text-step", String(step));
  } catch {
    // Storage refused (a private window's settings): the page keeps the system's scheme.
  }
})();
