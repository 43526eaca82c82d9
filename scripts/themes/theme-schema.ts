/** A theme's `theme.json`: its name, what it says of itself, and the defaults it gives a book. */
import * as v from "valibot";
import { FontsSchema, numberStyles } from "../config/schema.js";

const text = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const numberStyle = v.picklist(numberStyles);

export const ThemeSchema = v.strictObject({
  /** The theme's name as the README and `folio` show it. */
  name: text,
  /** One sentence: what kind of book the theme is for. */
  description: v.optional(text),
  /** Numbering the theme gives a book whose book.yaml says none (default `none`). */
  numbering: v.optional(
    v.strictObject({ chapters: v.optional(numberStyle, "none"), parts: v.optional(numberStyle, "none") }),
    {},
  ),
  /** The families of the text, the headings and the code, written as book.yaml's `fonts:` (which wins, role by role). */
  fonts: v.optional(FontsSchema, {}),
});

export type ThemeOptions = v.InferOutput<typeof ThemeSchema>;
