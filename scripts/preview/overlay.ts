/** What preview adds to a page it serves (never to a built edition): the reload client, the print links and the diagnostics overlay. */
import type { VFile } from "vfile";
import { formatReport } from "../report.js";

/** `html` with the preview's script and, when there are diagnostics, the overlay, before `</body>`. */
export function injectPreview(html: string, files: readonly VFile[], options: { printLinks: boolean }): string {
  const report = formatReport(files);
  const overlay = report
    ? `<details id="folio-overlay" open style="${panelStyle}"><summary style="cursor:pointer;font-weight:bold">Folio: ${escapeHtml(report.trim().split("\n").pop() ?? "")}</summary><pre style="white-space:pre-wrap;margin:.5em 0 0">${escapeHtml(report)}</pre></details>`
    : "";
  const links = options.printLinks
    ? `<nav id="folio-print-links" style="${linksStyle}">Print view: <a href="/print" data-chapter>this chapter</a> · <a href="/print">whole book</a> · <a href="/print.pdf" data-chapter>PDF of this chapter</a></nav>`
    : "";
  const tail = `${overlay}${links}<script>${client}</script>`;
  const at = html.lastIndexOf("</body>");
  return at < 0 ? html + tail : html.slice(0, at) + tail + html.slice(at);
}

/** A page standing in for the edition when the book cannot be built (book.yaml errors). */
export function failurePage(files: readonly VFile[]): string {
  return injectPreview(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Folio preview</title></head><body><h1>The book cannot be built</h1></body></html>',
    files,
    { printLinks: false },
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const panelStyle =
  "position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;padding:.6em 1em;background:#fff8e1;color:#222;border-top:3px solid #d9822b;font:13px/1.4 ui-monospace,monospace;z-index:2147483647";
const linksStyle =
  "position:fixed;top:.5em;right:.5em;padding:.3em .6em;background:#ffffffd0;border:1px solid #ccc;border-radius:4px;font:12px sans-serif;z-index:2147483646";

// Reload on every rebuild, keeping the reader's place; point "this chapter" links at the chapter in view.
const client = `(() => {
  const key = "folio-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved) { sessionStorage.removeItem(key); addEventListener("load", () => scrollTo(0, Number(saved))); }
  const events = new EventSource("/events");
  events.addEventListener("reload", () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); });
  const current = () => {
    let id = "";
    for (const section of document.querySelectorAll("section.chapter")) if (section.getBoundingClientRect().top < innerHeight / 3) id = section.id;
    return id;
  };
  for (const link of document.querySelectorAll("#folio-print-links a[data-chapter]")) {
    link.addEventListener("click", () => { const id = current(); if (id) link.href = link.pathname + "?chapter=" + encodeURIComponent(id); });
  }
})();`;
