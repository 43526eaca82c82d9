/** `folio import mdbook DIR`, `folio import pandoc FILE…`: a book written for another tool, written as a Folio manuscript, with what changed. */
import { existsSync, readdirSync } from "node:fs";
import { relative } from "node:path";
import type { Command } from "./command.js";
import { UsageError } from "./command.js";

const kinds = ["mdbook", "pandoc"];

export const importCommand: Command = {
  usage: "import KIND SOURCE…",
  summary:
    "Write a book made for another tool as a Folio manuscript into --out, saying what changed: `import mdbook DIR`, `import pandoc FILE…`.",
  args: { min: 2, max: 1000 },
  run: async ({ values, args }) => {
    const [kind, ...sources] = args;
    if (!kinds.includes(kind)) throw new UsageError(`unknown book kind \`${kind}\` (choose from ${kinds.join(", ")})`);
    if (kind === "mdbook" && sources.length !== 1) throw new UsageError("`folio import mdbook` takes one folder");
    const missing = sources.find((source) => !existsSync(source));
    if (missing) throw new UsageError(`\`${missing}\` does not exist`);
    const outDir =
      values.out ?? `${kind === "mdbook" ? sources[0].replace(/[\\/]+$/, "") : sources[0].replace(/\.\w+$/, "")}-folio`;
    if (existsSync(outDir) && readdirSync(outDir).length > 0)
      throw new UsageError(`\`${outDir}\` is not empty: give an empty or new folder with --out`);
    const { importMdbook } = await import("../import/mdbook.js");
    const { importPandoc } = await import("../import/pandoc.js");
    const result = kind === "mdbook" ? await importMdbook(sources[0], outDir) : await importPandoc(sources, outDir);
    if (result.problems.length > 0) {
      const { formatReport } = await import("../report.js");
      process.stderr.write(`${formatReport(result.problems, process.cwd())}\n`);
      return 1;
    }
    if (!values.quiet) {
      for (const change of result.changes) process.stderr.write(`  ${change}\n`);
      process.stderr.write(`✓ import ${relative(process.cwd(), outDir) || "."}: ${result.written.join(", ")}\n`);
      process.stderr.write(`Next: folio build -m ${relative(process.cwd(), outDir) || "."}\n`);
    }
    return 0;
  },
};
