/** `folio doctor`'s report: one line per part found, and for each missing one what it costs and how to install it. */
import { folioVersion } from "../version.js";
import type { Finding, Part } from "./parts.js";

export interface Diagnosis {
  readonly text: string;
  /** What `--json` prints: Folio's version, each part with what was found or what its absence costs, the exit code. */
  readonly json: {
    readonly version: string;
    readonly parts: readonly (Finding & Omit<Part, "find">)[];
    readonly exitCode: number;
  };
  /** 1 when an edition cannot be built (Node.js or the browser is missing), else 0. */
  readonly exitCode: number;
}

export function diagnose(parts: readonly Part[], env: NodeJS.ProcessEnv): Diagnosis {
  const findings = parts.map((part) => ({ part, finding: part.find(env) }));
  const lines = ["folio doctor: what Folio found on this computer", ""];
  for (const { part, finding } of findings) lines.push(...partLines(part, finding));
  const missing = findings.filter(({ finding }) => !finding.found);
  const blocking = missing.filter(({ part }) => part.required);
  lines.push("");
  if (missing.length === 0)
    lines.push("Everything is here: every edition builds and every check of `folio release` runs.");
  else if (blocking.length > 0)
    lines.push(
      `Missing: ${names(blocking)}. Install ${blocking.length > 1 ? "them" : "it"} to build every edition (exit 1).`,
    );
  else
    lines.push(
      `Every edition builds here. Missing for \`folio release\`: ${names(missing)} (its checks of them are skipped).`,
    );
  const exitCode = blocking.length > 0 ? 1 : 0;
  const json = {
    version: folioVersion,
    parts: findings.map(({ part: { find: _, ...part }, finding }) => ({ ...part, ...finding })),
    exitCode,
  };
  return { text: `${lines.join("\n")}\n`, json, exitCode };
}

function partLines(part: Part, finding: Finding): string[] {
  if (finding.found) return [`✓ ${part.name}: ${finding.found}`];
  const { debian, macos, windows, anywhere = [] } = part.install;
  return [
    `${part.required ? "✗" : "!"} ${part.name}: ${finding.problem ?? "not found"}`,
    `    without it: ${part.costs}`,
    `    Debian/Ubuntu: ${debian}`,
    `    macOS:         ${macos}`,
    `    Windows:       ${windows}`,
    ...anywhere.map((line, i) => `    ${i === 0 ? "anywhere:      " : "               "}${line}`),
  ];
}

function names(findings: readonly { part: Part }[]): string {
  return findings.map(({ part }) => part.name).join(", ");
}
