/** Validating HTML as a W3C validator would, with html-validate: the standard's rules, accessibility and document structure. */
import { HtmlValidate } from "html-validate";

const validator = new HtmlValidate({
  extends: ["html-validate:standard", "html-validate:a11y", "html-validate:document"],
  // Subresource integrity is for files from other origins; a book's pages load only their own.
  rules: { "require-sri": ["error", { target: "crossorigin" }] },
});

/** The problems html-validate finds in the file at `path`, one line each (`line:column rule message`); none when valid. */
export async function validateHtml(path: string): Promise<string[]> {
  const report = await validator.validateFile(path);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`),
  );
}
