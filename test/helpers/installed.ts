/** Folio as an author gets it: the packed tarball, installed into a folder outside the checkout, run with its own folder read-only. */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "./build.js";

/** `npm pack` of the checkout into a temporary folder: the tarball's path and its size in bytes. */
export function packFolio(): { tarball: string; bytes: number; files: string[] } {
  const dir = tempDir("folio-pack-");
  chmodSync(dir, 0o755);
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [info] = JSON.parse(out.slice(out.indexOf("["))) as {
    filename: string;
    size: number;
    files: { path: string }[];
  }[];
  const tarball = join(dir, info.filename);
  return { tarball, bytes: statSync(tarball).size, files: info.files.map((f) => f.path).sort() };
}

const asRoot = process.getuid?.() === 0;
/** Root ignores file modes: the author's commands run as `nobody` then, so that a read-only folder really is one. */
const nobody = 65534;

/** Make every file and folder below `dir` read-only (a global install, or a shared one). */
export function makeReadOnly(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stat = statSync(path);
    chmodSync(path, stat.mode & 0o555);
  }
  chmodSync(dir, statSync(dir).mode & 0o555);
}

/** Hand `dir` (recursively) to the user the author's commands run as. */
export function giveToAuthor(dir: string): void {
  if (!asRoot) return;
  execFileSync("chown", ["-R", `${nobody}:${nobody}`, dir]);
}

/** A home folder for the author (npm's cache, Chromium's profile). */
export function authorHome(): string {
  const home = tempDir("folio-home-");
  mkdirSync(join(home, ".npm"), { recursive: true });
  writeFileSync(join(home, ".npmrc"), "fund=false\naudit=false\nupdate-notifier=false\n");
  if (asRoot) {
    chownSync(home, nobody, nobody);
    execFileSync("chown", ["-R", `${nobody}:${nobody}`, home]);
  }
  return home;
}

/** Run `command args` in `cwd` as the author (as `nobody` when the tests run as root). */
export function asAuthor(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): SpawnSyncReturns<string> {
  const [file, argv] = asRoot
    ? ["setpriv", ["--reuid", String(nobody), "--regid", String(nobody), "--clear-groups", command, ...args]]
    : [command, args];
  return spawnSync(file, argv, { cwd, env, encoding: "utf8", timeout: 600_000 });
}
