/**
 * CSS a book brings (`styles:`, or a theme folder of its own) is untrusted like its HTML: a rule
 * that could fetch a file or the network (`@import`, `url()`, `image-set()`) or run code is removed
 * and reported (`styles-unsafe`), so that every edition stays self-contained and offline.
 */
import postcss from "postcss";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";

const fetches = /url\s*\(|image-set\s*\(|expression\s*\(|behavior|-moz-binding/i;

/** Text with its CSS escapes (`\75 rl(`, `\(`) read, so that an escape cannot spell what `fetches` looks for. */
function unescaped(text: string): string {
  return text
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, "$1");
}

/** `css` with every unsafe at-rule and declaration removed, each reported on `file` at its place. */
export function safeBookCss(css: string, file: VFile): string {
  let root: postcss.Root;
  try {
    root = postcss.parse(css, { from: String(file.path) });
  } catch (error) {
    const failure = error as { reason?: string; line?: number; column?: number };
    report(
      file,
      "styles-unsafe",
      `This CSS cannot be read (${failure.reason ?? "syntax error"}): it was left out; fix it`,
      failure.line ? { line: failure.line, column: failure.column ?? 1 } : undefined,
    );
    return "";
  }
  root.walkAtRules((rule) => {
    const name = unescaped(rule.name).toLowerCase();
    if (name === "import" || name === "font-face" || fetches.test(unescaped(rule.params))) {
      const what = rule.name.toLowerCase() === "font-face" ? "a font (choose fonts with `fonts:`)" : "a file";
      report(file, "styles-unsafe", `\`@${rule.name}\` would load ${what}: it was removed`, place(rule));
      rule.remove();
    }
  });
  root.walkDecls((decl) => {
    if (!fetches.test(unescaped(decl.value)) && !fetches.test(unescaped(decl.prop))) return;
    report(
      file,
      "styles-unsafe",
      `\`${decl.prop}\` would load a file or run code: it was removed (images go in the chapters, fonts in \`fonts:\`)`,
      place(decl),
    );
    decl.remove();
  });
  return root.toString();
}

function place(node: postcss.Node) {
  const start = node.source?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}
