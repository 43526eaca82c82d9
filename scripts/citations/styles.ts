/** Citation styles and locales: the CSL files Folio ships under templates/csl/, or a book's own `.csl` file. Nothing is fetched. */
import { existsSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { templatesDir } from "../templates.js";

/** The styles Folio ships, by the name a book gives in `csl:` (their file names under templates/csl/styles/). */
export const shippedStyles: readonly string[] = ["chicago-author-date", "apa", "ieee"];

/** The style of a book whose book.yaml names none. */
export const defaultStyle = "chicago-author-date";

const cslDir = join(templatesDir, "csl");

/** The file of style `csl` (a shipped style's name, or a path relative to the manuscript folder). */
export function stylePath(csl: string, manuscriptDir: string): string {
  return shippedStyles.includes(csl) ? join(cslDir, "styles", `${csl}.csl`) : resolve(manuscriptDir, csl);
}

/** Whether `csl` names a book's own file rather than a shipped style. */
export function isStyleFile(csl: string): boolean {
  return !shippedStyles.includes(csl) && extname(csl).toLowerCase() === ".csl";
}

let dialects: Readonly<Record<string, string>> | undefined;
const locales = new Map<string, string | undefined>();

/**
 * The CSL locale for a language tag, as citeproc asks for it (`fr-FR`, `fr`, `de-CH`): the file of
 * that tag, else of its language's primary dialect (`fr` → `fr-FR`), else undefined (citeproc then
 * uses `en-US`, which is always there). Read once per process.
 */
export function localeXml(tag: string): string | undefined {
  if (locales.has(tag)) return locales.get(tag);
  dialects ??= (
    JSON.parse(readFileSync(join(cslDir, "locales", "locales.json"), "utf8")) as {
      "primary-dialects": Record<string, string>;
    }
  )["primary-dialects"];
  const language = tag.split("-")[0].toLowerCase();
  const candidates = [tag, dialects[language], language];
  const found = candidates.find(
    (name) => name && /^[A-Za-z0-9-]+$/.test(name) && existsSync(join(cslDir, "locales", `locales-${name}.xml`)),
  );
  const xml = found ? readFileSync(join(cslDir, "locales", `locales-${found}.xml`), "utf8") : undefined;
  locales.set(tag, xml);
  return xml;
}

/** The locale tag citeproc is given for a book in `language`: its CSL locale's own tag (`fr` → `fr-FR`), else `en-US`. */
export function localeTag(language: string): string {
  const xml = localeXml(language);
  return (xml && /xml:lang="([^"]+)"/.exec(xml)?.[1]) || "en-US";
}

const cslNamespace = "http://purl.org/net/xbiblio/csl";

/** What keeps `xml` from being a CSL style citeproc can use (not XML, not a style, a dependent style, no citation layout), or undefined. */
export function styleProblem(xml: string): string | undefined {
  let error: string | undefined;
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") error ??= message.split("\n")[0];
    },
  }).parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (error || !root) return `it is not well-formed XML (${error ?? "no root element"})`;
  if (root.localName !== "style" || root.namespaceURI !== cslNamespace) return "its root element is not a CSL <style>";
  if (root.getElementsByTagName("citation").length === 0) {
    const parent = Array.from(root.getElementsByTagName("link")).find(
      (link) => link.getAttribute("rel") === "independent-parent",
    );
    return parent
      ? `it is a dependent style: use the style it names, ${parent.getAttribute("href")}`
      : "it has no <citation> layout";
  }
  return undefined;
}
