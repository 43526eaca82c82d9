/** rehype plugin: report `lang` attributes of raw HTML that are not usable language tags. */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { languageProblem } from "../util/language.js";

export const rehypeLang: Plugin<[], Root> = () => async (tree: Root, file: VFile) => {
  const tagged: Element[] = [];
  walkElements(tree, (node) => {
    // An empty lang says "unknown language" on purpose (HTML allows it).
    if (typeof node.properties.lang === "string" && node.properties.lang !== "") tagged.push(node);
  });
  for (const node of tagged) {
    const lang = String(node.properties.lang);
    const problem = await languageProblem(lang);
    if (problem)
      report(
        file,
        "lang-unknown",
        `Language \`${lang}\` of \`<${node.tagName}>\` ${problem}: use a tag such as \`en\` or \`fr-CA\``,
        node.position,
      );
  }
};
