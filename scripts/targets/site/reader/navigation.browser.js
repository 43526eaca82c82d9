// Moving through the book: the contents button on narrow screens, and the arrow keys to the previous and next chapter.

function setUpMenu() {
  const button = document.querySelector(".menu-button");
  const sidebar = document.getElementById("sidebar");
  if (!button || !sidebar) return;
  const close = () => {
    button.setAttribute("aria-expanded", "false");
    document.body.classList.remove("sidebar-open");
  };
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    document.body.classList.toggle("sidebar-open", open);
    if (open) sidebar.querySelector("[aria-current], a")?.focus();
  });
  sidebar.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.classList.contains("sidebar-open")) {
      close();
      button.focus();
    }
  });
  // A link to a place on this same page closes the contents, which would hide it.
  sidebar.addEventListener("click", (event) => {
    if (event.target.closest("a")) close();
  });
}

/** ← and → go to the previous and next chapter, unless the reader is typing or holds a modifier key; / goes to the search. */
function setUpKeys() {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target.closest?.("input, textarea, select, [contenteditable]")) return;
    const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
    const link = rel && document.querySelector(`link[rel="${rel}"]`);
    if (link) {
      event.preventDefault();
      location.href = link.href;
    } else if (event.key === "/") {
      event.preventDefault();
      document.getElementById("search-input")?.focus();
    }
  });
}

/** The header's height, as the sticky sidebar, the settings and anchored headings need it (it wraps on a phone). */
function followHeaderHeight() {
  const header = document.querySelector(".site-header");
  if (!header || !window.ResizeObserver) return;
  new ResizeObserver(() => {
    document.documentElement.style.setProperty("--header", `${header.offsetHeight}px`);
  }).observe(header);
}
