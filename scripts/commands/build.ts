/** `folio build`: every requested edition into the output folder. */
import { finish, printingHooks } from "../terminal/output.js";
import type { Command } from "./command.js";
import { buildOptions } from "./options.js";

export const buildCommand: Command = {
  usage: "build",
  summary: "Build the editions of a manuscript into the output folder.",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const [{ build }, { defaultCacheDir, BuildCache }] = await Promise.all([import("../recipe.js"), import("../cache/build-cache.js")]);
    // Results of earlier builds are reused chapter by chapter (see cache/build-cache.ts).
    const cache = values["no-cache"] ? undefined : new BuildCache({ dir: defaultCacheDir, memory: false });
    const result = await build(buildOptions(values, env), { ...printingHooks(values, signal), cache });
    return finish(result.files, values, result.configFailed);
  },
};
