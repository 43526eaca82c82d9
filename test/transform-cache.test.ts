/** The preview's transform cache: a chapter restored from it is the chapter as a fresh transform leaves it. */
import { readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chapterData } from "../scripts/book.js";
import { prepareBook } from "../scripts/recipe.js";
import { BuildCache } from "../scripts/cache/build-cache.js";
import { walkElements } from "../scripts/util/walk.js";
import { tempDir } from "./helpers/build.js";

describe("a chapter restored from the transform cache", () => {
  it("keeps everything the transform recorded, the language of a chapter wrapped in a lang element included", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "book.yaml"), "title: Cached\nlanguage: en\n");
    writeFileSync(
      join(dir, "01-english.md"),
      "# English\n\nA plain chapter with a [link](02-french.md#deux) and an ![](missing.png) image.\n",
    );
    writeFileSync(
      join(dir, "02-french.md"),
      '<div lang="fr">\n\n# Français\n\n## Deux\n\nUn chapitre en français.\n\n</div>\n',
    );
    const cache = new BuildCache();
    const options = { manuscriptDir: dir, outDir: tempDir() };
    const fresh = (await prepareBook(options, { cache })).book!;
    expect(cache.stats).toEqual({ hits: 0, misses: 2, treesRead: 0 });
    cache.stats = { hits: 0, misses: 0, treesRead: 0 };
    const restored = (await prepareBook(options, { cache })).book!;
    expect(cache.stats).toEqual({ hits: 2, misses: 0, treesRead: 0 });
    expect(chapterData(restored.chapters[1]).lang).toBe("fr");
    for (const [i, file] of restored.chapters.entries()) {
      const [a, b] = [chapterData(fresh.chapters[i]), chapterData(file)];
      // Held serialized until read: reading it is the first read-back.
      expect(cache.stats.treesRead).toBe(i);
      expect(b.tree).toEqual(a.tree);
      expect(cache.stats.treesRead).toBe(i + 1);
      // Every link's element is found again in the restored tree, by its marker.
      const marked: number[] = [];
      walkElements(b.tree, (node) => void (node.data?.folioLink !== undefined && marked.push(node.data.folioLink)));
      expect(marked).toEqual(b.links.map((_, n) => n));
      expect(b).toEqual(a);
      expect(file.messages.map(String)).toEqual(fresh.chapters[i].messages.map(String));
    }
    expect(fresh.chapters[0].messages.length).toBeGreaterThan(0);
  });
});

describe("the transform cache on disk", () => {
  it("drops the entries used longest ago, so a chapter that has not changed since the first build keeps its entry", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "book.yaml"), "title: Kept\nlanguage: en\n");
    for (const n of [1, 2, 3])
      writeFileSync(
        join(dir, `0${n}-chapter.md`),
        `# Chapter ${n}\n\nUnchanged since the first build, ${Math.random()}.\n`,
      );
    const cacheDir = tempDir();
    const options = { manuscriptDir: dir, outDir: tempDir() };
    await prepareBook(options, { cache: new BuildCache({ dir: cacheDir, memory: false }) });
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(3);
    // Written long ago; three entries of other chapters written later.
    for (const name of entries) utimesSync(join(cacheDir, name), new Date(2000, 0, 1), new Date(2000, 0, 1));
    for (const n of [1, 2, 3]) {
      writeFileSync(join(cacheDir, `other-${n}`), "x");
      utimesSync(join(cacheDir, `other-${n}`), new Date(2010, 0, 1), new Date(2010, 0, 1));
    }
    const reused = new BuildCache({ dir: cacheDir, memory: false });
    await prepareBook(options, { cache: reused });
    expect(reused.stats).toEqual({ hits: 3, misses: 0, treesRead: 0 });
    reused.trim(entries.reduce((bytes, name) => bytes + statSync(join(cacheDir, name)).size, 0));
    expect(readdirSync(cacheDir).sort()).toEqual(entries.sort());
  });
});
