/** Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::…`), shown on the run's page and on the pull request's lines. */
import type { VFile } from "vfile";
import { reportJson } from "../report.js";

interface Diagnostic {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly severity: string;
  readonly ruleId: string | null;
  readonly message: string;
}

/** Escapes of the runner's command syntax: the message (`data`) and property values. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One workflow command per message; paths relative to the workspace, as GitHub wants them. */
export function annotations(files: readonly VFile[], workspace: string): string {
  return (reportJson(files, workspace) as Diagnostic[])
    .map((d) => {
      const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const properties = [
        d.file && `file=${escapeProperty(d.file)}`,
        d.line !== null && `line=${d.line}`,
        d.column !== null && `col=${d.column}`,
        d.ruleId && `title=${escapeProperty(`folio ${d.ruleId}`)}`,
      ].filter(Boolean);
      return `::${level}${properties.length > 0 ? ` ${properties.join(",")}` : ""}::${escapeData(d.message)}\n`;
    })
    .join("");
}
