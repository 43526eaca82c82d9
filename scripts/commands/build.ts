/** `folio build`: every requested edition into the output folder. */
import { build } from "../build.js";
import { finish, printingHooks } from "../cli/output.js";
import type { Command } from "./command.js";
import { buildOptions } from "./options.js";

export const buildCommand: Command = {
  usage: "build",
  summary: "Build the editions of a manuscript into the output folder.",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const result = await build(buildOptions(values, env), printingHooks(values, signal));
    return finish(result.files, values, result.configFailed);
  },
};
