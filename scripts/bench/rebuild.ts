/** Benchmark: a full preview build of a manuscript, then the rebuild after one chapter is edited. Usage: tsx scripts/bench/rebuild.ts DIR */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { PreviewSession } from "../preview/session.js";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: tsx scripts/bench/rebuild.ts MANUSCRIPT_DIR (it edits one chapter and restores it)\n");
  process.exit(2);
}
const session = new PreviewSession({
  manuscriptDir: dir,
  outDir: join(tmpdir(), "folio-bench-out"),
  formats: ["html"],
});
const first = await session.rebuild();
console.log(
  `full build: ${first.seconds.toFixed(2)} s, ${first.transformed} chapters transformed, ${(first.html?.length ?? 0) / 1e6} MB`,
);
const chapter = join(
  dir,
  readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()[1],
);
const original = readFileSync(chapter, "utf8");
try {
  for (let run = 1; run <= 3; run++) {
    writeFileSync(chapter, `${original}\nAn added paragraph, edit number ${run}.\n`);
    const cpu = process.cpuUsage();
    const again = await session.rebuild();
    const { user, system } = process.cpuUsage(cpu);
    console.log(
      `rebuild after editing ${chapter}: ${again.seconds.toFixed(3)} s wall, ${((user + system) / 1e6).toFixed(3)} s CPU, ${again.transformed} of ${again.book?.chapters.length} chapters transformed`,
    );
  }
} finally {
  writeFileSync(chapter, original);
  await session.dispose();
}
