/** `folio check`: every diagnostic of the manuscript, without rendering an edition. */
import { finish, printingHooks } from "../terminal/output.js";
import type { Command } from "./command.js";
import { buildOptions } from "./options.js";

export const checkCommand: Command = {
  usage: "check",
  summary: "Report every problem of the manuscript; render nothing.",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const { prepareBook } = await import("../recipe.js");
    const prepared = await prepareBook(buildOptions(values, env), printingHooks(values, signal));
    const code = finish(prepared, values, env);
    if (code === 0 && !values.quiet && !values.json) {
      process.stderr.write(`✓ check ${prepared.book?.chapters.length ?? 0} chapters: no errors\n`);
    }
    return code;
  },
};
