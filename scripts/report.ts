/** Printing diagnostics: one line per message, `path:line:col  severity  message  rule-id`, grouped by file. */
import { relative } from "node:path";
import type { VFile } from "vfile";

type Message = VFile["messages"][number];

export function severityOf(message: Message): "error" | "warning" | "info" {
  return message.fatal === true ? "error" : message.fatal === false ? "warning" : "info";
}

/** The report of `files` as text (empty when there is nothing to say). */
export function formatReport(files: readonly VFile[], cwd = process.cwd()): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const path = file.path ? relative(cwd, file.path) || file.path : "<input>";
    const messages = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const message of messages) {
      const severity = severityOf(message);
      if (severity === "error") errors++;
      if (severity === "warning") warnings++;
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : "";
      lines.push(`${path}${place}  ${severity}  ${message.reason}  ${message.ruleId ?? ""}`.trimEnd());
    }
  }
  if (lines.length === 0) return "";
  const summary = [
    errors && `${errors} ${errors === 1 ? "error" : "errors"}`,
    warnings && `${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
  ].filter(Boolean);
  return `${lines.join("\n")}\n\n${summary.join(", ") || "no problems"}\n`;
}

/** Every message of `files` as plain data, for `--json`. */
export function reportJson(files: readonly VFile[], cwd = process.cwd()): object[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path ? relative(cwd, file.path) : null,
      line: message.line ?? null,
      column: message.column ?? null,
      severity: severityOf(message),
      ruleId: message.ruleId ?? null,
      message: message.reason,
    })),
  );
}
