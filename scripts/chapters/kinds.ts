/** Kinds of chapter an author may name, with the matter each belongs to and how the EPUB marks it. */
import type { Matter } from "../book.js";

export interface ChapterKind {
  /** Front, body or back matter, unless the chapter says otherwise. */
  readonly matter: Matter;
  /** The EPUB 3 structural semantics term (`epub:type`). */
  readonly epubType: string;
  /** The DPUB-ARIA role, where there is one. */
  readonly role?: string;
}

/** By the name an author writes (`kind: appendix`); `acknowledgments` is accepted as spelt in the EPUB vocabulary. */
export const chapterKinds: Readonly<Record<string, ChapterKind>> = {
  chapter: { matter: "body", epubType: "chapter", role: "doc-chapter" },
  foreword: { matter: "front", epubType: "foreword", role: "doc-foreword" },
  preface: { matter: "front", epubType: "preface", role: "doc-preface" },
  dedication: { matter: "front", epubType: "dedication", role: "doc-dedication" },
  epigraph: { matter: "front", epubType: "epigraph", role: "doc-epigraph" },
  introduction: { matter: "body", epubType: "introduction", role: "doc-introduction" },
  prologue: { matter: "body", epubType: "prologue", role: "doc-prologue" },
  epilogue: { matter: "body", epubType: "epilogue", role: "doc-epilogue" },
  conclusion: { matter: "body", epubType: "conclusion", role: "doc-conclusion" },
  afterword: { matter: "back", epubType: "afterword", role: "doc-afterword" },
  appendix: { matter: "back", epubType: "appendix", role: "doc-appendix" },
  acknowledgements: { matter: "back", epubType: "acknowledgments", role: "doc-acknowledgments" },
  acknowledgments: { matter: "back", epubType: "acknowledgments", role: "doc-acknowledgments" },
  glossary: { matter: "back", epubType: "glossary", role: "doc-glossary" },
  bibliography: { matter: "back", epubType: "bibliography", role: "doc-bibliography" },
  notes: { matter: "back", epubType: "endnotes", role: "doc-endnotes" },
  colophon: { matter: "back", epubType: "colophon", role: "doc-colophon" },
};

/** Kinds of chapter Folio makes itself, which an author cannot name: the index (scripts/index/). */
export const generatedKinds: Readonly<Record<string, ChapterKind>> = {
  index: { matter: "back", epubType: "index", role: "doc-index" },
};
