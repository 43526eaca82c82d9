import { printedWords, sourceWords, missingInOrder } from "./test/helpers/words.ts";
import { pdfText } from "./test/helpers/pdf.ts";
const t = printedWords(pdfText("dist/kim-il-sung-and-his-spirit-of-independence.pdf"));
const i = t.indexOf("sintering");
console.log(t.slice(i, i + 30).join(" "));
