/** Kinds of chapter an author may name, with the matter each belongs to, how the EPUB marks it and how the book sets it. */
import type { Matter } from "../book.js";

export interface ChapterKind {
  /** Front, body or back matter, unless the chapter says otherwise. */
  readonly matter: Matter;
  /** The EPUB 3 structural semantics term (`epub:type`), where there is one. */
  readonly epubType?: string;
  /** The DPUB-ARIA role, where there is one. */
  readonly role?: string;
  /** The key of its title in the book's words, for a chapter written without a heading (it then needs none). */
  readonly word?: string;
  /** A page set apart: centred, without running head or folio, its title for screen readers only, and left out of the printed and web contents (the EPUB navigation lists it). */
  readonly apart?: boolean;
  /** Numbered as the book numbers its chapters (`chapter`), or lettered (`appendix`). */
  readonly numbered?: "chapter" | "appendix";
}

/** By the name an author writes (`kind: appendix`); `acknowledgments` is accepted as spelt in the EPUB vocabulary. */
export const chapterKinds: Readonly<Record<string, ChapterKind>> = {
  chapter: { matter: "body", epubType: "chapter", role: "doc-chapter", numbered: "chapter" },
  foreword: { matter: "front", epubType: "foreword", role: "doc-foreword", word: "foreword" },
  preface: { matter: "front", epubType: "preface", role: "doc-preface", word: "preface" },
  dedication: { matter: "front", epubType: "dedication", role: "doc-dedication", word: "dedication", apart: true },
  epigraph: { matter: "front", epubType: "epigraph", role: "doc-epigraph", word: "epigraph", apart: true },
  introduction: { matter: "body", epubType: "introduction", role: "doc-introduction", word: "introduction" },
  prologue: { matter: "body", epubType: "prologue", role: "doc-prologue", word: "prologue" },
  epilogue: { matter: "body", epubType: "epilogue", role: "doc-epilogue", word: "epilogue" },
  conclusion: { matter: "body", epubType: "conclusion", role: "doc-conclusion", word: "conclusion" },
  afterword: { matter: "back", epubType: "afterword", role: "doc-afterword", word: "afterword" },
  appendix: { matter: "back", epubType: "appendix", role: "doc-appendix", numbered: "appendix" },
  acknowledgements: {
    matter: "back",
    epubType: "acknowledgments",
    role: "doc-acknowledgments",
    word: "acknowledgements",
  },
  acknowledgments: {
    matter: "back",
    epubType: "acknowledgments",
    role: "doc-acknowledgments",
    word: "acknowledgements",
  },
  glossary: { matter: "back", epubType: "glossary", role: "doc-glossary", word: "glossary" },
  bibliography: { matter: "back", epubType: "bibliography", role: "doc-bibliography", word: "bibliography" },
  notes: { matter: "back", epubType: "endnotes", role: "doc-endnotes", word: "notes" },
  "about-the-author": { matter: "back", word: "aboutTheAuthor" },
  "also-by": { matter: "back", epubType: "seriespage", word: "alsoBy" },
  colophon: { matter: "back", epubType: "colophon", role: "doc-colophon", word: "colophon" },
};

/** Kinds of chapter Folio makes itself, which an author cannot name: the index (scripts/index/). */
export const generatedKinds: Readonly<Record<string, ChapterKind>> = {
  index: { matter: "back", epubType: "index", role: "doc-index" },
};
