/** Folio's own version, from package.json. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { folioRoot } from "./root.js";

export const folioVersion: string = (
  JSON.parse(readFileSync(join(folioRoot, "package.json"), "utf8")) as { version: string }
).version;
