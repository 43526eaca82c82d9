import { PDFDocument, PDFName, PDFDict } from "pdf-lib";
import { readFileSync } from "node:fs";
const pdf = await PDFDocument.load(readFileSync(process.argv[2]));
const outlines = pdf.catalog.lookup(PDFName.of("Outlines"), PDFDict);
let item = outlines.lookup(PDFName.of("First"), PDFDict);
console.log(item.toString());
