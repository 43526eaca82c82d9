/** Zipping the EPUB: the mimetype first and stored, then every file in a fixed order, all dated by the build. */
import JSZip from "jszip";

export interface PackageFile {
  /** Path inside the zip. */
  readonly path: string;
  readonly data: string | Buffer;
}

const container =
  '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n' +
  '  <rootfiles>\n    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>\n  </rootfiles>\n</container>\n';

/** The EPUB's bytes: the same files and date always give the same bytes. */
export async function zipEpub(files: readonly PackageFile[], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("mimetype", "application/epub+zip", { compression: "STORE", date, createFolders: false });
  zip.file("META-INF/container.xml", container, { date, createFolders: false });
  for (const file of files) zip.file(file.path, file.data, { date, createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "UNIX" });
}
