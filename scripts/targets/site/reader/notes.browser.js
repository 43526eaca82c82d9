// Footnotes as pop-ups: a note reference shows its note beside it; the notes stay at the chapter's end for print and without scripts.

function setUpNotes() {
  const refs = document.querySelectorAll("a[data-footnote-ref]");
  if (refs.length === 0 || !("popover" in HTMLElement.prototype)) return;
  const popup = document.createElement("div");
  popup.className = "note-popup";
  popup.popover = "auto";
  popup.setAttribute("role", "note");
  document.body.append(popup);
  for (const ref of refs) {
    ref.setAttribute("aria-haspopup", "true");
    ref.addEventListener("click", (event) => {
      const note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
      if (!note) return;
      event.preventDefault();
      const copy = note.cloneNode(true);
      copy.removeAttribute("id");
      for (const element of copy.querySelectorAll("[id]")) element.removeAttribute("id");
      for (const back of copy.querySelectorAll("[data-footnote-backref]")) back.remove();
      popup.replaceChildren(...copy.childNodes);
      const label = document.querySelector("main")?.dataset.noteLabel ?? "{number}";
      popup.setAttribute("aria-label", label.replace("{number}", ref.textContent.trim()));
      popup.showPopover();
      placeNear(popup, ref);
    });
  }
}

/** Put the pop-up under `anchor`, inside the window. */
function placeNear(popup, anchor) {
  const box = anchor.getBoundingClientRect();
  const width = Math.min(popup.offsetWidth, document.documentElement.clientWidth - 16);
  const left = Math.max(
    8,
    Math.min(box.left + box.width / 2 - width / 2, document.documentElement.clientWidth - width - 8),
  );
  const below = box.bottom + 6;
  const top = below + popup.offsetHeight > window.innerHeight ? Math.max(8, box.top - popup.offsetHeight - 6) : below;
  popup.style.left = `${left}px`;
  popup.style.top = `${top}px`;
}
