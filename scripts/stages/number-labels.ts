/**
 * Numbering: every labelled figure, table, listing and equation gets its number (per chapter or
 * through the book, book.yaml `numbering`), its caption its name, and every reference its words and
 * links. Reports a reference to a label nobody or several things carry, a label carried twice, and
 * a label nothing refers to. Works on what the transform recorded; each tree is rewritten when first
 * read, like the link stage's.
 */
import type { Element } from "hast";
import type { VFile } from "vfile";
import { deferTree, draftData, treeOf, type Reference } from "../book.js";
import { closest } from "../config/suggest.js";
import { labelTree } from "../crossref/label-tree.js";
import { numberTargets, type Target } from "../crossref/numbering.js";
import { referenceNodes, type ResolvedItem } from "../crossref/reference-nodes.js";
import { bookWords } from "../language/words.js";
import { report } from "../diagnostics.js";
import type { Stage } from "./stage.js";

export const numberLabels: Stage = async (book) => {
  const words = await bookWords(book.config);
  const targets = numberTargets(book, words, book.config.figureNumbering);
  const byKey = new Map<string, Target[]>();
  for (const target of targets) byKey.set(target.key, [...(byKey.get(target.key) ?? []), target]);
  for (const [key, carriers] of byKey)
    for (const later of carriers.slice(1))
      report(
        book.chapters[later.chapter],
        "label-duplicate",
        `Label \`${key}\` is also carried ${where(book.chapters, carriers[0])}: give each thing its own label`,
        later.position,
      );
  const referred = new Set<string>();
  for (const file of book.chapters) {
    const data = draftData(file);
    if (data.references.length === 0 && data.labels.length === 0) continue;
    for (const reference of data.references) for (const item of reference.items) referred.add(item.key);
    const rendered = data.references.map((reference) => {
      const items = resolve(reference, byKey, file, book.chapters);
      if (!items) return undefined;
      return referenceNodes(items, words, (target, children) => {
        const a: Element = {
          type: "element",
          tagName: "a",
          properties: {},
          children,
          data: { folioLink: data.links.length },
        };
        data.links.push({ chapter: target.chapter, fragment: target.id, position: reference.position });
        return a;
      });
    });
    data.pageTargets = data.references.flatMap((reference) =>
      reference.items.flatMap((item) =>
        item.form === "page" || item.form === "name-page" ? (byKey.get(item.key) ?? []).map((t) => t.id) : [],
      ),
    );
    const own = new Map(targets.filter((t) => t.chapter === data.index && t.kind !== "sec").map((t) => [t.id, t]));
    data.bookTexts = [
      // What the cite stage wrote stays: the rendering depends on both.
      ...(data.bookTexts ?? []),
      ...rendered.map((nodes) => JSON.stringify(nodes ?? null)),
      ...[...own.values()].map((t) => t.name),
    ];
    const unlabelled = treeOf(data);
    deferTree(data, () => labelTree(unlabelled(), rendered, own, words));
  }
  for (const [key, [first]] of byKey)
    if (!referred.has(key))
      report(
        book.chapters[first.chapter],
        "label-unused",
        `Label \`${key}\` is referred to nowhere: refer to it with \`@${key}\`, or remove it`,
        first.position,
      );
  return book;
};

/** The targets of a reference's items, or undefined after reporting a label that is missing or carried twice. */
function resolve(
  reference: Reference,
  byKey: ReadonlyMap<string, Target[]>,
  file: VFile,
  chapters: readonly VFile[],
): ResolvedItem[] | undefined {
  const items: ResolvedItem[] = [];
  for (const { key, form } of reference.items) {
    const found = byKey.get(key) ?? [];
    if (found.length === 1) {
      items.push({ target: found[0], form });
      continue;
    }
    if (found.length === 0) {
      const kind = key.slice(0, key.indexOf(":"));
      const suggestion = closest(
        key,
        [...byKey.keys()].filter((k) => k.startsWith(`${kind}:`)),
      );
      report(
        file,
        "ref-unknown",
        `Reference to \`${key}\`: nothing is labelled \`{#${key}}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ": fix the name or add the label"}`,
        reference.position,
      );
    } else
      report(
        file,
        "ref-ambiguous",
        `Reference to \`${key}\`: ${found.length} things carry that label (${found.map((t) => where(chapters, t).replace(/^in /, "")).join(", ")}): rename all but one`,
        reference.position,
      );
  }
  return items.length === reference.items.length ? items : undefined;
}

/** `in 02-tides.md at line 14`. */
function where(chapters: readonly VFile[], target: Target): string {
  const line = target.position?.start.line;
  return `in \`${chapters[target.chapter].basename}\`${line ? ` at line ${line}` : ""}`;
}
