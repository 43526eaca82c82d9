/**
 * An index entry's locators as HTML nodes. With the printed pages (print, and an EPUB built with
 * it), page numbers: one per page, ranges as `45–47`, and three or more pages in a row collapsed
 * into a range as makeindex does; each number links to the first place marked on it. Without pages
 * (the web edition), the title of each section holding a place, linked to the place.
 */
import type { Element, ElementContent } from "hast";
import type { Locator, Place } from "./entries.js";

export interface LocatorOptions {
  /** The printed page label of each mark, by mark id, when the book was printed in this run. */
  readonly pages?: ReadonlyMap<string, string>;
  /** The words naming a place where there are no pages: its section's title. */
  readonly sectionOf: (place: Place) => string;
  /** A link to a place. */
  readonly link: (place: Place, children: ElementContent[]) => Element;
}

interface Span {
  from: number;
  to: number;
  start: Place;
  end: Place;
  ranged: boolean;
}

/** The locators of an entry, `45, 52–54, 60`, as nodes (empty when it has none). */
export function locatorNodes(locators: readonly Locator[], options: LocatorOptions): ElementContent[] {
  const { pages } = options;
  if (!pages) return joined(sectionLocators(locators, options), "; ");
  const labelOf = (place: Place) => pages.get(place.mark) ?? "?";
  const others: ElementContent[] = [];
  const seen = new Set<string>();
  const spans: Span[] = [];
  for (const locator of locators) {
    const end = locator.end ?? locator;
    const [from, to] = [labelOf(locator), labelOf(end)].map((label) => (/^\d+$/.test(label) ? Number(label) : NaN));
    if (Number.isNaN(from) || Number.isNaN(to)) {
      // Front matter (roman) is not collapsed into ranges: one number per page.
      if (!seen.has(labelOf(locator))) others.push(options.link(locator, [text(labelOf(locator))]));
      seen.add(labelOf(locator));
    } else
      spans.push({ from, to: Math.max(from, to), start: locator, end, ranged: locator.end !== undefined && to > from });
  }
  return joined([...others, ...collapse(spans).map((span) => spanNodes(span, options))], ", ");
}

/** Overlapping spans merged; a run of spans on consecutive pages merged when it covers three pages or holds a range. */
function collapse(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) {
      if (span.to > last.to) Object.assign(last, { to: span.to, end: span.end });
      last.ranged ||= span.ranged || last.to > last.from;
    } else merged.push({ ...span });
  }
  const out: Span[] = [];
  for (let i = 0; i < merged.length; ) {
    let j = i;
    while (j + 1 < merged.length && merged[j + 1].from === merged[j].to + 1) j++;
    const run = merged.slice(i, j + 1);
    if (run.length > 1 && (run.at(-1)!.to - run[0].from >= 2 || run.some((s) => s.ranged)))
      out.push({ from: run[0].from, to: run.at(-1)!.to, start: run[0].start, end: run.at(-1)!.end, ranged: true });
    else out.push(...run);
    i = j + 1;
  }
  return out;
}

function spanNodes(span: Span, options: LocatorOptions): ElementContent {
  const first = options.link(span.start, [text(String(span.from))]);
  if (span.to === span.from) return first;
  return {
    type: "element",
    tagName: "span",
    properties: { className: ["index-locator-range"] },
    children: [first, text("\u2013"), options.link(span.end, [text(String(span.to))])],
  };
}

/** One locator per section holding places of the entry, in reading order. */
function sectionLocators(locators: readonly Locator[], options: LocatorOptions): ElementContent[] {
  const seen = new Set<string>();
  const nodes: ElementContent[] = [];
  for (const locator of locators) {
    const key = `${locator.chapter}\u0000${locator.heading}`;
    if (seen.has(key)) continue;
    seen.add(key);
    nodes.push(options.link(locator, [text(options.sectionOf(locator))]));
  }
  return nodes;
}

function joined(nodes: readonly ElementContent[], separator: string): ElementContent[] {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [text(separator), node]));
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
