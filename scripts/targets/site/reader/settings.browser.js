// The reading settings: colour scheme and text size, applied at once and remembered (localStorage).

/** The text size steps a reader can take from the book's size: each 10 %. */
const textSteps = { min: -2, max: 5 };

function remember(key, value) {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, String(value));
  } catch {
    // Not remembered, but applied to this page.
  }
}

function setUpSettings() {
  const root = document.documentElement;
  for (const radio of document.querySelectorAll('input[name="scheme"]')) {
    radio.checked = radio.value === root.dataset.scheme;
    radio.addEventListener("change", () => {
      root.dataset.scheme = radio.value;
      remember("folio-scheme", radio.value === "auto" ? undefined : radio.value);
    });
  }
  for (const button of document.querySelectorAll("[data-text-size]")) {
    button.addEventListener("click", () => {
      const now = Number(root.style.getPropertyValue("--text-step")) || 0;
      const step = Math.min(textSteps.max, Math.max(textSteps.min, now + Number(button.dataset.textSize)));
      root.style.setProperty("--text-step", String(step));
      remember("folio-text-step", step || undefined);
    });
  }
}
