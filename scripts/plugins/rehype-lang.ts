/** rehype plugin: report `lang` attributes of raw HTML that are not usable language tags. */
import type { Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { languageProblem } from "../util/language.js";

export const rehypeLang: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkElements(tree, (node) => {
    const lang = node.properties.lang;
    if (typeof lang !== "string") return;
    // An empty lang says "unknown language" on purpose (HTML allows it).
    if (lang === "") return;
    const problem = languageProblem(lang);
    if (problem) report(file, "lang-unknown", `Language \`${lang}\` of \`<${node.tagName}>\` ${problem}: use a tag such as \`en\` or \`fr-CA\``, node.position);
  });
};
