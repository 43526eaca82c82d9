/** `folio release`: versioned editions, print cover, check reports, manifest and SHA256SUMS in one folder. */
import type { Command } from "./command.js";
import { join } from "node:path";
import { buildOptions } from "./options.js";
import { checkOutDir } from "./out-dir.js";

export const releaseCommand: Command = {
  usage: "release",
  summary:
    "Build a release: versioned editions, print cover, checks, manifest, SHA256SUMS (default --out dist/release).",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const options = buildOptions(values, env);
    checkOutDir(values.out ?? join("dist", "release"), options.manuscriptDir);
    const { releaseCommand: runRelease } = await import("../release/print-release.js");
    return runRelease(
      {
        manuscriptDir: options.manuscriptDir,
        outDir: values.out,
        sourceDateEpoch: options.sourceDateEpoch,
        browserPath: options.browserPath,
        quiet: values.quiet || values.json,
        json: values.json,
        signal,
      },
      env,
    );
  },
};
