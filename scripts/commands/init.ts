/** `folio init DIR`: a new book, ready to build. */
import { relative } from "node:path";
import type { Command } from "./command.js";

export const initCommand: Command = {
  usage: "init DIR",
  summary:
    "Start a book repository in DIR: book.yaml, two chapters, package.json, README.md, .gitignore and a GitHub workflow.",
  args: { min: 1, max: 1 },
  run: async ({ values, args }) => {
    const dir = args[0];
    const { createBook, FolderNotEmptyError } = await import("../init/create-book.js");
    try {
      const written = await createBook(dir);
      if (!values.quiet) {
        process.stderr.write(`✓ init ${dir}: ${written.map((path) => relative(dir, path)).join(", ")}\n`);
        process.stderr.write(`Next: cd ${dir} && npm install && npm run preview\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof FolderNotEmptyError)) throw error;
      process.stderr.write(`folio: ${error.message}\n`);
      return 2;
    }
  },
};
