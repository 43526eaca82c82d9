#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the command works without a compile step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const tsx = join(dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "scripts", "cli.ts");
// Ctrl-C reaches the whole process group: let the build below handle it and report its own exit code (130).
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => undefined);
const result = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = result.status ?? (result.signal === "SIGINT" ? 130 : 1);
