/** `folio doctor`: what Folio found on this computer, what each missing part costs and how to install it. */
import type { Command } from "./command.js";

export const doctorCommand: Command = {
  usage: "doctor",
  summary:
    "Check this computer: Node.js, the browser, Java and EPUBCheck, Ace, poppler, qpdf; how to install what is missing.",
  args: { min: 0, max: 0 },
  run: async ({ values, env }) => {
    const [{ parts }, { diagnose }] = await Promise.all([import("../doctor/parts.js"), import("../doctor/report.js")]);
    const diagnosis = diagnose(parts, env);
    if (values.json) process.stdout.write(`${JSON.stringify(diagnosis.json, null, 2)}\n`);
    else if (!values.quiet || diagnosis.exitCode !== 0) process.stdout.write(diagnosis.text);
    return diagnosis.exitCode;
  },
};
