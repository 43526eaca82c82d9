/** The long soak of `folio preview`: `npm run soak -- --saves N [--files K] [--pdf-every M]`; prints the samples and the memory slope. */
import { parseArgs } from "node:util";
import { soakPreview } from "./preview-soak.js";

const { values } = parseArgs({
  options: {
    saves: { type: "string", default: "5000" },
    files: { type: "string", default: "3" },
    "pdf-every": { type: "string", default: "500" },
  },
});
const result = await soakPreview({
  saves: Number(values.saves),
  files: Number(values.files),
  pdfEvery: Number(values["pdf-every"]),
  log: (line) => process.stderr.write(`soak: ${line}\n`),
});
const first = result.samples[0];
const last = result.samples.at(-1)!;
process.stdout.write(
  `soak: ${result.served} of ${values.saves} saves served in ${result.seconds.toFixed(0)} s; RSS ${first.rssKb} → ${last.rssKb} kB, slope ${result.rssSlopeKbPerSave.toFixed(2)} kB/save; ` +
    `open files ${first.openFiles} → ${last.openFiles}; ${result.pdfs} PDFs, ${result.browsersAfterPdf} browsers left after them\n`,
);
