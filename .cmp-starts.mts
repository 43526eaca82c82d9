import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
const plan = JSON.parse(readFileSync("/tmp/dbgbig/plan.json", "utf8"));
const id = process.argv[2];
const g = plan.groups.find((x: any) => x.id === id);
const md = readFileSync(`/tmp/big/${id.replace("chapter-", "")}.md`, "utf8");
const words = (t: string) => t.replace(/\u00AD/g, "").match(/[\p{L}\p{N}]+/gu) ?? [];
const src = words(md.replace(/^#+ /gm, "").replace(/!\[[^\]]*\]\([^)]*\)/g, "").replace(/\[\^\d+\]:.*$/gm, "").replace(/\[\^\d+\]/g, ""));
for (let i = 1; i < g.pages; i++) {
  const text = execFileSync("pdftotext", ["-layout", "-f", String(g.page + i + 1), "-l", String(g.page + i + 1), "/tmp/dbgbig/printed.pdf", "-"], { encoding: "utf8" });
  const lines = text.split("\n").filter((l) => l.trim());
  const first = words(lines[0] ?? "").slice(0, 5);
  console.log(g.page + i, "plan start", g.starts[i - 1], "| pdf first:", first.join(" "), "| src at plan:", src.slice(g.starts[i - 1], g.starts[i - 1] + 5).join(" "));
}
