/** Every `folio` command, by name; the first is the default. */
import { buildCommand } from "./build.js";
import { checkCommand } from "./check.js";
import { doctorCommand } from "./doctor.js";
import type { Command } from "./command.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";
import { previewCommand } from "./preview.js";
import { releaseCommand } from "./release.js";

export const commands: Readonly<Record<string, Command>> = {
  build: buildCommand,
  check: checkCommand,
  preview: previewCommand,
  init: initCommand,
  release: releaseCommand,
  doctor: doctorCommand,
  import: importCommand,
};
