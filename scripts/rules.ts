/** The catalogue of every diagnostic Folio can report: stable id, default severity, one-line explanation. */
import { manuscriptRules } from "./rules/manuscript.js";
import { contentRules } from "./rules/content.js";
import { apparatusRules } from "./rules/apparatus.js";
import { designRules } from "./rules/design.js";
import { printRules } from "./rules/print.js";
import { dialectRules } from "./rules/dialects.js";

export type Severity = "error" | "warning" | "info";

export interface Rule {
  /** Default severity; a book can change it under `rules:` in book.yaml. */
  readonly severity: Severity;
  /** One line saying what the rule catches and what to do about it. */
  readonly explanation: string;
}

/** Every rule, by id (each group in its own file under rules/). */
export const rules = {
  ...manuscriptRules,
  ...contentRules,
  ...apparatusRules,
  ...designRules,
  ...printRules,
  ...dialectRules,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}
