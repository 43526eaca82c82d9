/**
 * The web edition's CSS made to follow the site's colour scheme: each `@media (prefers-color-scheme: dark)`
 * block applies when the reader chose dark, or chose nothing (`auto`) and the system is dark.
 */
import postcss, { type AtRule, type Rule } from "postcss";

const darkQuery = /^\(\s*prefers-color-scheme\s*:\s*dark\s*\)$/;

/** `css` with its dark blocks keyed to `<html data-scheme>`: `dark` always, `auto` under the media query. */
export function followScheme(css: string): string {
  const root = postcss.parse(css);
  root.walkAtRules("media", (media: AtRule) => {
    if (!darkQuery.test(media.params.trim())) return;
    const chosen = media.clone();
    chosen.walkRules((rule) => scope(rule, '[data-scheme="dark"]'));
    media.walkRules((rule) => scope(rule, '[data-scheme="auto"]'));
    media.after(chosen.nodes ?? []);
  });
  return root.toString();
}

/** Prefix each selector with the root element's scheme (`html` itself takes it on itself). */
function scope(rule: Rule, attribute: string): void {
  if (rule.parent?.type === "atrule" && (rule.parent as AtRule).name === "keyframes") return;
  rule.selectors = rule.selectors.map((selector) => {
    const html = /^(html|:root)(?=$|[\s.:[>+~])/.exec(selector);
    return html ? `${html[0]}${attribute}${selector.slice(html[0].length)}` : `:root${attribute} ${selector}`;
  });
}
