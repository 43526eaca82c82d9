/** Types for the parts of citeproc-js and citation-js that Folio uses: neither package ships its own. */
declare module "citeproc" {
  /** What citeproc asks of its host: locales and items by id; `variableWrapper` wraps each rendered variable. */
  interface CiteprocSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): object;
    variableWrapper?(
      params: { itemData: { id: string }; context: string },
      prePunct: string,
      str: string,
      postPunct: string,
    ): string;
  }
  interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    "suppress-author"?: boolean;
    "author-only"?: boolean;
  }
  interface Citation {
    citationID: string;
    citationItems: CitationItem[];
    properties: { noteIndex: number; mode?: string };
  }
  interface BibliographyParams {
    entry_ids: string[][];
    bibstart: string;
    bibend: string;
    "second-field-align"?: string | false;
    hangingindent?: number;
    linespacing?: number;
    entryspacing?: number;
  }
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { xclass: string; development_extensions: Record<string, boolean> };
    registry: { registry: Record<string, { seq: number } | undefined> };
    updateItems(ids: string[]): void;
    rebuildProcessorState(citations: Citation[], mode?: string, uncited?: string[]): [string, number, string][];
    makeCitationCluster(items: CitationItem[]): string;
    makeBibliography(): [BibliographyParams, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
  export type { Citation, CitationItem, CiteprocSys, BibliographyParams, Engine };
}

declare module "@citation-js/core" {
  export const plugins: {
    input: { chain(data: string, options: { forceType: string; generateGraph: boolean }): object[] };
  };
}

declare module "@citation-js/plugin-bibtex";
