#!/usr/bin/env node
// Runs the TypeScript CLI with tsx's loader, so the command works without a compile step.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Node loads tsx's hooks itself: one process fewer than going through tsx's own command, and quicker to start.
const loader = import.meta.resolve("tsx");
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "scripts", "cli.ts");
const result = spawnSync(process.execPath, ["--import", loader, cli, ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = result.status ?? (result.signal === "SIGINT" ? 130 : 1);
