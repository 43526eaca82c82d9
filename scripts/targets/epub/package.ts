/**
 * Packaging the EPUB with epub-gen-memory: it lays out the container (mimetype first and
 * stored, META-INF, the package documents) from templates; Folio hands it documents it has
 * already rendered, since the library's own HTML normaliser would drop attributes readers
 * need (scope, start, empty alt). Folio then writes the archive itself (zip.ts), every entry
 * dated by the build, so the same files always give the same bytes.
 */
import { EPub, type Chapter } from "epub-gen-memory";
import type JSZip from "jszip";
import { writeZip, type ZipEntry } from "./zip.js";

export interface PackageFile {
  /** Path inside the zip. */
  readonly path: string;
  readonly data: string | Buffer;
}

/** The files epub-gen-memory writes from its templates, by path. */
const templated = {
  "OEBPS/content.opf": "contentOPF",
  "OEBPS/toc.ncx": "tocNCX",
  "OEBPS/toc.xhtml": "tocXHTML",
  "OEBPS/style.css": "css",
} as const;

/** The EPUB's bytes: the same files and date always give the same bytes. */
export async function zipEpub(
  files: readonly PackageFile[],
  date: Date,
  meta: { title: string; lang: string },
): Promise<Buffer> {
  const options: Record<string, unknown> = {
    title: meta.title,
    lang: meta.lang,
    date: date.toISOString(),
    verbose: false,
    prependChapterTitles: false,
    tocInTOC: false,
    chapterXHTML: "<%- body %>",
  };
  const documents: (Chapter & { body: string })[] = [];
  const others: PackageFile[] = [];
  for (const file of files) {
    const option = templated[file.path as keyof typeof templated];
    if (option === "css") options.css = String(file.data);
    else if (option) options[option] = literal(String(file.data));
    else if (/^OEBPS\/[^/]+\.xhtml$/.test(file.path))
      documents.push({
        title: file.path,
        filename: file.path.slice("OEBPS/".length),
        content: "",
        body: String(file.data),
      });
    else others.push(file);
  }
  const epub = new EPub(options as unknown as ConstructorParameters<typeof EPub>[0], documents);
  await epub.render();
  const zip = (epub as unknown as { zip: JSZip }).zip;
  const entries: ZipEntry[] = [];
  for (const [path, entry] of Object.entries(zip.files)) {
    // Folder entries are left out: EPUB readers need none.
    if (entry.dir) continue;
    entries.push({ path, data: await entry.async("nodebuffer"), store: path === "mimetype" });
  }
  for (const file of others) entries.push({ path: file.path, data: Buffer.from(file.data) });
  return writeZip(entries, date);
}

/** A finished document as an EJS template that renders to itself. */
function literal(text: string): string {
  return text.replace(/<%/g, "<%%");
}
