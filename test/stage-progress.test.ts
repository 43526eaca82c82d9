/**
 * Progress from the first second: the status line a terminal shows (stage, chapters done of the
 * book's with a bar, the share of the page layout), fed by the hooks a real build calls.
 */
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../scripts/config/resolve.js";
import { bar, statusLine } from "../scripts/terminal/stage-progress.js";
import { buildBook, fixture } from "./helpers/build.js";

/** A stream that keeps what was written, and the line a terminal would show last. */
function terminal() {
  const writes: string[] = [];
  const stream = { write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream;
  const shown = () => (writes.at(-1) ?? "").replace("\r\x1b[K", "");
  return { stream, writes, shown };
}

describe("the status line", () => {
  it("draws ten cells, full in proportion", () => {
    expect(bar(0, 40)).toBe("[----------]");
    expect(bar(12, 40)).toBe("[###-------]");
    expect(bar(40, 40)).toBe("[##########]");
    expect(bar(3, 0)).toBe("[##########]");
  });

  it("names the stage, counts the chapters transformed, and shows the layout's share with its bar", () => {
    const { stream, shown } = terminal();
    let now = 0;
    const line = statusLine(stream, "reading book.yaml", () => now);
    expect(shown()).toBe("… reading book.yaml  0 s");
    line.hooks.onConfig?.({
      chapters: ["a.md", "b.md", "c.md", "d.md"],
      formats: ["pdf"],
    } as unknown as ResolvedConfig);
    expect(shown()).toBe("… reading 4 chapters  0 s");
    now = 1500;
    line.hooks.onStageProgress?.("transform", 1, 4);
    expect(shown()).toBe("… transforming chapters [##--------] 1/4  1 s");
    line.hooks.onStage?.("link", 0.1);
    expect(shown()).toBe("… rendering pdf  1 s");
    line.hooks.progress?.("pdf: laying out pages: 45 % of the book, 120 pages so far");
    expect(shown()).toBe("… pdf: laying out pages, 120 pages so far [####------] 45 %  1 s");
    line.stop();
    expect(shown()).toBe("");
  });

  it("hears a real build's chapters and page layout as they go", async () => {
    const stages: string[] = [];
    const messages: string[] = [];
    const built = await buildBook(
      fixture("features"),
      ["pdf"],
      {},
      {
        onStageProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
        progress: (message) => messages.push(message),
      },
    );
    const chapters = built.book!.chapters.length;
    expect(stages).toEqual(Array.from({ length: chapters }, (_, i) => `transform ${i}/${chapters}`));
    const layout = messages
      .map((message) => /^pdf: laying out pages: (\d+) % of the book, (\d+) pages so far$/.exec(message))
      .filter((match) => match !== null)
      .map((match) => [Number(match[1]), Number(match[2])]);
    expect(layout.length).toBeGreaterThan(2);
    expect(layout[0]).toEqual([0, 0]);
    for (let i = 1; i < layout.length; i++) {
      expect(layout[i][0]).toBeGreaterThan(layout[i - 1][0]);
      expect(layout[i][1]).toBeGreaterThanOrEqual(layout[i - 1][1]);
    }
    expect(layout.at(-1)![0]).toBeLessThan(100);
  });
});
