/** The press PDF of a reader's PDF, as `folio release` makes it for a printer (grey interior). Run as a child process. */
import { pathToFileURL } from "node:url";
import { writePressPdf } from "../print/press-pdf.js";

const [readerPath, pressPath] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!readerPath || !pressPath) {
    process.stderr.write("usage: press.ts READER_PDF PRESS_PDF\n");
    process.exitCode = 2;
  } else {
    writePressPdf(readerPath, pressPath, { colour: "grey", blackText: true, date: new Date(0) }).catch(
      (error: Error) => {
        process.stderr.write(`press: ${error.message}\n`);
        process.exitCode = 1;
      },
    );
  }
}
