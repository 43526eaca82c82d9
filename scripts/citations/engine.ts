/**
 * The citation engine: citeproc-js (the CSL processor Zotero and Mendeley use) renders every
 * citation of the book in one pass, so that numbers, "ibid." and "2001a" are the book's, then the
 * bibliography of the works cited. Each cite's rendered variables are wrapped in a link to its
 * entry (`<a href="#KEY">`, the key URI-encoded); the stage turns them into the book's links.
 */
import type { BibliographyParams, Citation, CitationItem, CiteprocSys, Engine } from "citeproc";
import type { CslItem } from "./bibliography-files.js";
import { localeXml } from "./styles.js";

/** One work of a citation, as the stage read it. */
export interface CiteRequest {
  readonly key: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly locator?: string;
  readonly label?: string;
  readonly suppressAuthor: boolean;
}

export interface CitationRequest {
  readonly items: readonly CiteRequest[];
  /** `@key` in the text: the author, then the rest of the citation in its brackets. */
  readonly inText: boolean;
}

export interface Rendered {
  /** Each citation as citeproc's HTML, in the order asked. */
  readonly citations: readonly string[];
  /** The bibliography's entries in the style's order, each with its key, and how the style lays them out. */
  readonly entries: readonly { readonly key: string; readonly html: string }[];
  readonly layout: Pick<BibliographyParams, "second-field-align" | "hangingindent">;
  /** An entry's number in a numeric style (its `citation-number`), for linking numbers citeproc leaves unwrapped. */
  readonly numberOf: (key: string) => number | undefined;
}

/** Render `citations` (every key known in `items`) with the CSL style `style` in locale `localeTag`. */
export async function renderCitations(
  style: string,
  localeTag: string,
  items: ReadonlyMap<string, CslItem>,
  citations: readonly CitationRequest[],
): Promise<Rendered> {
  const { default: CSL } = await import("citeproc");
  const sys: CiteprocSys = {
    retrieveLocale: (tag) => localeXml(tag),
    retrieveItem: (id) => items.get(id) as object,
    variableWrapper: (params, before, text, after) =>
      params.context === "citation"
        ? `${before}<a href="#${encodeURIComponent(params.itemData.id)}">${text}</a>${after}`
        : `${before}${text}${after}`,
  };
  const engine = new CSL.Engine(sys, style, localeTag, true);
  engine.opt.development_extensions.wrap_url_and_doi = true;
  let fallback: Engine | undefined;
  const namesOnly = () => (fallback ??= new CSL.Engine(sys, namesStyle, localeTag, true));
  const requests: Citation[] = citations.map((citation, i) => ({
    citationID: `c${i}`,
    citationItems: citation.items.map((item) => citeItem(item, citation.inText)),
    properties: { noteIndex: 0 },
  }));
  const html = new Map(engine.rebuildProcessorState(requests, "html", []).map(([id, , text]) => [id, text]));
  // A work's author part is the same wherever it is cited in the text: make it once.
  const authors = new Map<string, string>();
  const author = (key: string) => authors.get(key) ?? authors.set(key, authorOf(engine, key, namesOnly)).get(key)!;
  const rendered = citations.map((citation, i) => {
    const text = html.get(`c${i}`) ?? "";
    return citation.inText ? `${author(citation.items[0].key)} ${text}` : text;
  });
  const bibliography = engine.makeBibliography();
  const numeric = /<citation\b[\s\S]*variable="citation-number"[\s\S]*<\/citation>/.test(style);
  const [params, entries] = bibliography || [{ entry_ids: [] } as unknown as BibliographyParams, []];
  return {
    citations: rendered,
    entries: entries.map((entry, i) => ({ key: String(params.entry_ids[i][0]), html: entry.trim() })),
    layout: { "second-field-align": params["second-field-align"], hangingindent: params.hangingindent },
    numberOf: (key) => (numeric ? engine.registry.registry[key]?.seq : undefined),
  };
}

function citeItem(item: CiteRequest, inText: boolean): CitationItem {
  return {
    id: item.key,
    ...(item.prefix ? { prefix: item.prefix } : {}),
    ...(item.suffix ? { suffix: item.suffix } : {}),
    ...(item.locator ? { locator: item.locator, label: item.label ?? "page" } : {}),
    ...(inText || item.suppressAuthor ? { "suppress-author": true } : {}),
  };
}

/** The author part of an in-text citation, linked: the style's own, or the names alone where the style prints none (a numeric style). */
function authorOf(engine: Engine, key: string, namesOnly: () => Engine): string {
  const own = engine.makeCitationCluster([{ id: key, "author-only": true }]);
  const text = own && !own.includes("NO_PRINTED_FORM") ? own : namesOnly().makeCitationCluster([{ id: key }]);
  return `<a href="#${encodeURIComponent(key)}">${text.replace(/<\/?a\b[^>]*>/g, "")}</a>`;
}

/** Folio's own one-line style for the author part of an in-text citation in a style that prints no names: the authors' (else editors') family names, "and" before the last, "et al." from three. */
const namesStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Folio: author names</title><id>folio-author-names</id><updated>2026-12-07T00:00:00+00:00</updated></info>
  <citation et-al-min="3" et-al-use-first="1">
    <layout>
      <names variable="author">
        <name form="short" and="text" delimiter=", "/>
        <substitute><names variable="editor"/><text variable="title" form="short" font-style="italic"/></substitute>
      </names>
    </layout>
  </citation>
</style>`;
