/** Creating diagnostics: every expected problem is a vfile message with a rule id and a severity. */
import type { VFile } from "vfile";
import { rules, type RuleId, type Severity } from "./rules.js";

type VFileMessage = ReturnType<VFile["message"]>;

export type Place =
  | { line: number; column: number }
  | { start: { line: number; column: number }; end?: { line: number; column: number } };

/** Severity overrides from book.yaml `rules:`; `off` silences a rule. */
export type RuleSettings = Readonly<Partial<Record<RuleId, Severity | "off">>>;

const settingsKey = "folioRuleSettings";

/** Attach the book's rule settings to a file so that `report` honours them. */
export function applyRuleSettings(file: VFile, settings: RuleSettings): void {
  (file.data as Record<string, unknown>)[settingsKey] = settings;
}

/**
 * Report problem `ruleId` on `file` at `place`. Returns the message, or
 * undefined when the book turned the rule off.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, place?: Place | null): VFileMessage | undefined {
  const settings = (file.data as Record<string, unknown>)[settingsKey] as RuleSettings | undefined;
  const severity = settings?.[ruleId] ?? rules[ruleId].severity;
  if (severity === "off") return undefined;
  const message = file.message(reason, { place: (place ?? undefined) as never, ruleId, source: "folio" });
  message.fatal = severity === "error" ? true : severity === "warning" ? false : undefined;
  return message;
}

/** True when any file holds an error (or a warning, when `frail`). */
export function hasFailures(files: readonly VFile[], frail = false): boolean {
  return files.some((file) => file.messages.some((m) => m.fatal === true || (frail && m.fatal === false)));
}
