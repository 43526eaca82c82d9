/** `folio build`: every requested edition into the output folder. */
import { finish, printingHooks } from "../terminal/output.js";
import type { Command } from "./command.js";
import { bookCacheDir } from "./book-project.js";
import { buildOptions } from "./options.js";
import { checkOutDir } from "./out-dir.js";

export const buildCommand: Command = {
  usage: "build",
  summary: "Build the editions of a manuscript into the output folder.",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const [{ build }, { BuildCache }] = await Promise.all([import("../recipe.js"), import("../cache/build-cache.js")]);
    const options = buildOptions(values, env);
    checkOutDir(options.outDir, options.manuscriptDir);
    // Results of earlier builds are reused chapter by chapter (see cache/build-cache.ts), from the book's own project.
    const cache = values["no-cache"]
      ? undefined
      : new BuildCache({ dir: bookCacheDir(options.manuscriptDir), memory: false });
    const result = await build(options, { ...printingHooks(values, signal), cache });
    return finish(result, values, env);
  },
};
