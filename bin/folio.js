#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so the command works without a
// compile step and Ctrl-C reaches the CLI itself (no wrapper process in between).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli.ts");
process.exitCode = await main(process.argv.slice(2));
