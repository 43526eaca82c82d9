/** Atomic output: editions are written to a staging folder and moved into place only when they are complete. */
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
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
  const dir = await mkdtemp(join(outDir, ".folio-staging-"));
  return {
    dir,
    commit: async (stagedPath) => {
      const finalPath = join(outDir, basename(stagedPath));
      await rename(stagedPath, finalPath);
      return finalPath;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
