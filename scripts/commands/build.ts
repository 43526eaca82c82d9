/** `folio build`: every requested edition into the output folder. */
import { finish, printingHooks } from "../cli/output.js";
import type { Command } from "./command.js";
import { bookCacheDir } from "./book-project.js";
import { buildOptions } from "./options.js";

export const buildCommand: Command = {
  usage: "build",
  summary: "Build the editions of a manuscript into the output folder.",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const [{ build }, { TransformCache }] = await Promise.all([import("../build.js"), import("../stages/transform-cache.js")]);
    const options = buildOptions(values, env);
    // Results of earlier builds are reused chapter by chapter (see transform-cache.ts), from the book's own project.
    const cache = values["no-cache"] ? undefined : new TransformCache({ dir: bookCacheDir(options.manuscriptDir), memory: false });
    const result = await build(options, { ...printingHooks(values, signal), cache });
    return finish(result, values, env);
  },
};
