/** Folio's own version, from package.json. */
import { createRequire } from "node:module";

export const folioVersion: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
