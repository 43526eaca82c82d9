/** The command line as people expect it: per-command help, -v, "did you mean", the --json object, GitHub annotations. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fixture, repoRoot, runCli, tempDir } from "./helpers/build.js";
import { cpSync } from "node:fs";
import { folioVersion } from "../scripts/version.js";

function smallBook(): string {
  const dir = join(tempDir(), "book");
  cpSync(fixture("features"), dir, { recursive: true });
  return dir;
}

describe("help", () => {
  it("`folio help CMD` and `folio CMD --help` print that command's own usage, options and examples", () => {
    const help = runCli(["help", "build"]);
    expect(help.status).toBe(0);
    expect(runCli(["build", "--help"]).stdout).toBe(help.stdout);
    expect(help.stdout.split("\n")[0]).toBe("Usage: folio build [options]");
    expect(help.stdout).toMatch(/^ {2}-f, --format LIST +Editions to build/m);
    expect(help.stdout).not.toContain("--port");
    expect(help.stdout).toContain("\nExamples:\n  folio build ");
    const preview = runCli(["preview", "-h"]).stdout;
    expect(preview).toContain("--port N");
    expect(preview).toContain("--open");
    expect(preview).not.toContain("--format");
  });

  it("lists the environment variables Folio reads and the exit codes, in every help", () => {
    for (const args of [["--help"], ["help", "release"]]) {
      const text = runCli(args).stdout;
      for (const name of [
        "PUPPETEER_EXECUTABLE_PATH",
        "SOURCE_DATE_EPOCH",
        "EPUBCHECK_JAR",
        "FOLIO_ACE",
        "GITHUB_ACTIONS",
      ])
        expect(text).toMatch(new RegExp(`^ {2}${name} +\\S`, "m"));
      expect(text).toContain("\nExit codes:\n  0     done");
      expect(text).toMatch(/^ {2}130 {3}interrupted/m);
    }
  });

  it("-v and --version print the version", () => {
    expect(runCli(["-v"]).stdout).toBe(`${folioVersion}\n`);
    expect(runCli(["--version"]).stdout).toBe(`${folioVersion}\n`);
  });
});

describe("mistakes on the command line", () => {
  const cases: [string[], string][] = [
    [
      ["buidl"],
      "folio: unknown command `buidl`: did you mean `folio build`? (the commands are build, check, preview, init, release, doctor, import)",
    ],
    [["build", "--fromat", "epub"], "folio: unknown option `--fromat`: did you mean `--format`?"],
    [["check", "--manuscrpit=book"], "folio: unknown option `--manuscrpit`: did you mean `--manuscript`?"],
    [["build", "--zzzzzz"], "folio: unknown option `--zzzzzz`"],
    [["build", "-x"], "folio: unknown option `-x` (the options are listed by `folio --help`)"],
    [["build", "-m"], "folio: `--manuscript` needs a value (DIR)"],
    [
      ["help", "previwe"],
      "folio: unknown command `previwe`: did you mean `folio preview`? (the commands are build, check, preview, init, release, doctor, import)",
    ],
  ];
  it.each(cases)("%j → Folio's own message, exit 2", (args, message) => {
    const run = runCli(args);
    expect(run.stderr).toBe(`${message}\nRun \`folio --help\` for usage.\n`);
    expect(run.status).toBe(2);
  });
});

describe("machine-readable output", () => {
  it("--json prints one object: version, diagnostics, artifacts and exit code", () => {
    const dir = smallBook();
    const out = join(dir, "..", "out");
    const run = runCli(["build", "--json", "-f", "html", "-m", dir, "-o", out], { cwd: dir });
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["version", "diagnostics", "artifacts", "exitCode"]);
    expect(result.version).toBe(folioVersion);
    expect(result.exitCode).toBe(0);
    expect(run.status).toBe(0);
    expect(result.artifacts).toHaveLength(1);
    expect(result.artifacts[0]).toMatchObject({
      format: "html",
      path: expect.stringMatching(/^\.\.\/out\/[\w-]+\.html$/),
    });
    expect(result.artifacts[0].bytes).toBe(readFileSync(join(dir, result.artifacts[0].path)).length);
  });

  it("on GitHub Actions, prints each problem as an annotation with its file, line and column", () => {
    const dir = smallBook();
    writeFileSync(join(dir, "images", "spare.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    const run = runCli(["check", "-m", dir], { cwd: dir, env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: dir } });
    expect(run.stdout).toBe(
      "::warning file=images/spare.svg,title=folio image-unused::Image `images/spare.svg` is used by no chapter: use it or delete it\n",
    );
    expect(run.status).toBe(0);
    const chapter = join(dir, "01-lists-and-tables.md");
    writeFileSync(chapter, `${readFileSync(chapter, "utf8")}\nSee [the missing page](nowhere.md).\n`);
    const lines = readFileSync(chapter, "utf8").split("\n").length - 1;
    const broken = runCli(["check", "-m", dir], {
      cwd: dir,
      env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: join(dir, "..") },
    });
    expect(broken.stdout).toMatch(
      new RegExp(
        `^::error file=book/01-lists-and-tables\\.md,line=${lines},col=5,title=folio link-broken::.*nowhere\\.md`,
        "m",
      ),
    );
    expect(broken.status).toBe(1);
  });
});

describe("mistakes in book.yaml", () => {
  const cases: [string, string, string][] = [
    [
      "an unquoted version",
      'title: "T"\nlanguage: en\nversion: 1.0\n',
      'book.yaml:3:10  error  `version` must be text, but YAML reads `1.0` as a number (1): quote it, as in `version: "1.0"`  config-invalid-value',
    ],
    [
      "an unclosed double quote, at the line where it opens",
      'title: "T\nlanguage: en\nauthor: A\n',
      'book.yaml:1:8  error  Invalid YAML: the " opened here is never closed: end the value with " on this line  config-yaml',
    ],
    [
      "an unclosed single quote after closed ones",
      "title: 'It''s'\nlanguage: en\nauthor: 'A\ndate: 2024-01-01\n",
      "book.yaml:3:9  error  Invalid YAML: the ' opened here is never closed: end the value with ' on this line  config-yaml",
    ],
  ];
  it.each(cases)("%s → says how to fix it, exit 2", (_, yaml, line) => {
    const dir = smallBook();
    writeFileSync(join(dir, "book.yaml"), yaml);
    const run = runCli(["check", "-m", dir], { cwd: dir });
    expect(run.stderr.split("\n")).toContain(line);
    expect(run.status).toBe(2);
  });
});

describe("progress", () => {
  it("on a terminal, shows the stage and its count of chapters from the first second, and clears it before the editions' lines", () => {
    const dir = smallBook();
    const out = join(dir, "..", "out");
    // `script` gives the command a pseudo-terminal, as an author's shell does.
    const command = [
      process.execPath,
      join(repoRoot, "bin", "folio.js"),
      "build",
      "-f",
      "html,epub",
      "-m",
      dir,
      "-o",
      out,
    ]
      .map((a) => `'${a}'`)
      .join(" ");
    const run = spawnSync("script", ["-qfec", command, "/dev/null"], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, GITHUB_ACTIONS: "" },
    });
    expect(run.status).toBe(0);
    const screen = run.stdout;
    expect(screen.startsWith("\r\x1b[K… reading book.yaml  0 s")).toBe(true);
    for (const stage of ["reading 2 chapters", "transforming 2 chapters", "linking 2 chapters", "rendering html, epub"])
      expect(screen).toContain(`\r\x1b[K… ${stage}  `);
    expect(screen).toMatch(/\r\x1b\[K✓ html /);
  });

  it("off a terminal, adds no status line", () => {
    const dir = smallBook();
    const run = runCli(["build", "-f", "html", "-m", dir, "-o", join(dir, "..", "out")]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("reading");
    expect(run.stderr).not.toContain("\x1b[K");
  });
});

describe("paths", () => {
  it("under `npm run` from a subfolder, are printed relative to where the author stands", () => {
    const dir = smallBook();
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({
        name: "book",
        private: true,
        scripts: { build: `node ${JSON.stringify(join(repoRoot, "bin", "folio.js"))} build -f html` },
      }),
    );
    const run = spawnSync("npm", ["run", "--silent", "build"], {
      cwd: join(dir, "images"),
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, GITHUB_ACTIONS: "", INIT_CWD: "", npm_package_json: "" },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^✓ html \.\.\/dist\/[\w-]+\.html {2}/m);
  });
});
