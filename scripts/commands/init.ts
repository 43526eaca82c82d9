/** `folio init DIR`: a new book, ready to build. */
import { relative } from "node:path";
import type { Command } from "./command.js";

export const initCommand: Command = {
  usage: "init DIR",
  summary: "Start a new book in DIR: book.yaml, two chapters and an image.",
  args: { min: 1, max: 1 },
  run: async ({ values, args }) => {
    const dir = args[0];
    const { createBook, FolderNotEmptyError } = await import("../init/create-book.js");
    try {
      const written = await createBook(dir);
      if (!values.quiet) {
        process.stderr.write(`✓ init ${dir}: ${written.map((path) => relative(dir, path)).join(", ")}\n`);
        process.stderr.write(`Next: npx folio build --manuscript ${dir}   or   npx folio preview --manuscript ${dir}\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof FolderNotEmptyError)) throw error;
      process.stderr.write(`folio: ${error.message}\n`);
      return 2;
    }
  },
};
