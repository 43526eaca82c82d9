/** Atomic output: editions are written to a staging folder and moved into place only when they are complete. */
import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";

export interface Staging {
  /** Folder to write the editions into. */
  readonly dir: string;
  /** Move a finished file from the staging folder into the output folder; returns its final path. */
  readonly commit: (stagedPath: string) => Promise<string>;
  /** Remove the staging folder and whatever was not committed. */
  readonly dispose: () => Promise<void>;
}

/** A staging folder inside `outDir`, so that a commit is a rename on the same file system. */
export async function createStaging(outDir: string): Promise<Staging> {
  await mkdir(outDir, { recursive: true });
  await removeStaleStaging(outDir, ".folio-staging-");
  const dir = await stagingDir(outDir, ".folio-staging-");
  return {
    dir,
    commit: async (stagedPath) => {
      const finalPath = join(outDir, basename(stagedPath));
      // An edition that is a folder (the site) replaces the folder of the build before, which a rename cannot overwrite.
      if ((await stat(stagedPath)).isDirectory()) await rm(finalPath, { recursive: true, force: true });
      await rename(stagedPath, finalPath);
      return finalPath;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A new staging folder in `outDir` named with `prefix` and this process's id, so that a later run can tell it was abandoned. */
export function stagingDir(outDir: string, prefix: string): Promise<string> {
  return mkdtemp(join(outDir, `${prefix}${process.pid}-`));
}

/**
 * Remove the staging folders (`prefix<pid>-…`) that a killed run left in `outDir` (SIGKILL or a
 * power cut give it no chance to): those whose process is gone. A folder of a run still going,
 * a concurrent build into the same folder, is left alone.
 */
export async function removeStaleStaging(outDir: string, prefix: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue;
    await rm(join(outDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
