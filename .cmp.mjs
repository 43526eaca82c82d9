import { PDFDocument } from "pdf-lib";
import { readFileSync } from "node:fs";
import { namedDestinations } from "./scripts/targets/pdf/pdf-links.ts";
const pdf = await PDFDocument.load(readFileSync("/tmp/dbgbig/printed.pdf"));
const plan = JSON.parse(readFileSync("/tmp/dbgbig/plan.json", "utf8"));
const dests = namedDestinations(pdf);
for (const g of plan.groups) if (g.id && dests.has(g.id)) { const p = dests.get(g.id); if (p !== g.page) console.log("MISMATCH", g.id, "plan", g.page, "pdf", p, "pages", g.pages); }
console.log("total plan", plan.pages, "pdf", pdf.getPageCount());
const idx = plan.groups.findIndex((g) => g.id === "chapter-03-chapter");
console.log(plan.groups.slice(idx - 2, idx + 1).map((g) => [g.kind, g.id, g.page, g.pages]));
console.log("ch2 pdf", dests.get("chapter-02-chapter"));
