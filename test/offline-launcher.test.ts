/** The launcher that keeps a checker's own browser (Ace's) offline: Folio's flags added, a checker's feature list merged. */
import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOfflineLauncher } from "../scripts/release/offline-launcher.js";
import { offlineFlags } from "../scripts/browser/request-policy.js";
import { tempDir } from "./helpers/build.js";

/** A stand-in browser that prints its arguments one a line. */
function echoBrowser(): string {
  const path = join(tempDir(), "browser's echo");
  writeFileSync(path, '#!/bin/sh\nfor a do printf "%s\\n" "$a"; done\n');
  chmodSync(path, 0o755);
  return path;
}

describe("the offline launcher", () => {
  it("passes the checker's arguments and adds every offline flag, quoting intact", async () => {
    const launcher = await writeOfflineLauncher(echoBrowser());
    try {
      const args = execFileSync(launcher.path, ["--no-sandbox", "--user-data-dir=/tmp/a b", "about:blank"], {
        encoding: "utf8",
      })
        .trimEnd()
        .split("\n");
      expect(args.slice(0, 3)).toEqual(["--no-sandbox", "--user-data-dir=/tmp/a b", "about:blank"]);
      for (const flag of offlineFlags) expect(args).toContain(flag);
      expect(args).toContain("--host-resolver-rules=MAP * ~NOTFOUND");
      expect(args).toContain("--proxy-bypass-list=<-loopback>");
    } finally {
      await launcher.dispose();
    }
  });

  it("merges a --disable-features list the checker gives with Folio's, so neither is lost", async () => {
    const launcher = await writeOfflineLauncher(echoBrowser());
    try {
      const args = execFileSync(launcher.path, ["--disable-features=Translate,AcceptCHFrame"], { encoding: "utf8" })
        .trimEnd()
        .split("\n");
      const lists = args.filter((arg) => arg.startsWith("--disable-features="));
      expect(lists).toHaveLength(1);
      expect(lists[0]).toMatch(/^--disable-features=Translate,AcceptCHFrame,.*SafeBrowsing/);
      expect(lists[0]).toContain("CertificateTransparencyComponentUpdater");
    } finally {
      await launcher.dispose();
    }
  });
});
