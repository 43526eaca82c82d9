/** mdBook's directives expanded in a piece of text: includes read (through the given reader), `{{#title}}` dropped, escapes kept as written, unknown ones reported. */
import { resolve } from "node:path";
import type { Point } from "unist";
import type { RuleId } from "../../rules.js";
import { isInside } from "../../util/paths.js";
import { fileDirectives, findDirectives, splitTarget, type Directive } from "./directives.js";
import { parseSelection, selectLines } from "./include-lines.js";

export interface MdbookLinkOptions {
  /** The book's folder: includes must stay inside it. */
  readonly manuscriptDir: string;
  /** The text of a file to include, by absolute path (recorded for the build cache), or undefined when there is none. */
  readonly readInclude: (path: string) => string | undefined;
}

export type ReportAt = (rule: RuleId, reason: string, place: Point) => void;

/** `included`: the lines a file directive names; `expand`: a text with its directives done. Problems go to `reportAt`. */
export function directiveExpander(options: MdbookLinkOptions, reportAt: ReportAt) {
  const included = (directive: Directive, from: string, place: Point): string | undefined => {
    const { path, selection } = splitTarget(directive.args);
    const target = resolve(from, path);
    const where = `\`{{#${directive.name} ${directive.args}}}\``;
    if (!isInside(options.manuscriptDir, target)) {
      reportAt("include-outside", `${where} leaves the book's folder: keep included files inside it`, place);
      return undefined;
    }
    const text = options.readInclude(target);
    if (text === undefined) {
      reportAt("include-missing", `${where}: no such file; fix the path (it is relative to the chapter)`, place);
      return undefined;
    }
    const lines = selectLines(text, parseSelection(selection));
    if (lines === undefined)
      reportAt(
        "include-anchor",
        `${where}: the file marks no anchor \`${selection}\` (ANCHOR: ${selection} … ANCHOR_END: ${selection})`,
        place,
      );
    return lines?.join("\n");
  };
  const expand = (text: string, from: string, placeAt: (offset: number) => Point, escapes?: boolean[]): string => {
    let result = "";
    let at = 0;
    for (const [i, directive] of findDirectives(text).entries()) {
      result += text.slice(at, directive.start);
      at = directive.end;
      const raw = text.slice(directive.start, directive.end);
      if (directive.escaped) result += raw.slice(1);
      else if (escapes?.[i]) result += raw;
      else if (fileDirectives.has(directive.name)) result += included(directive, from, placeAt(directive.start)) ?? "";
      else if (directive.name !== "title") {
        reportAt(
          "directive-unknown",
          `\`{{#${directive.name}}}\` is not a directive Folio knows: it is printed as written`,
          placeAt(directive.start),
        );
        result += raw;
      }
    }
    return result + text.slice(at);
  };
  return { included, expand };
}
