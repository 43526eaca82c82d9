/**
 * remark plugin: YAML front matter (`---` … `---` at the top of a chapter) is read as such, not as a
 * scene break and a paragraph, and left out of the chapter's text. What it says is read, validated
 * and reported with the chapter (stages/front-matter.ts), before the transform.
 */
import type { Root } from "mdast";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import type { Processor } from "unified";

/** The syntax alone: front matter parses to a `yaml` node. */
export function remarkFrontMatterSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(frontmatter(["yaml"]));
  (data.fromMarkdownExtensions ??= []).push([frontmatterFromMarkdown(["yaml"])]);
}

/** The syntax, and the `yaml` node taken out of the tree (remark-rehype would print it as text). */
export function remarkFrontMatter(this: Processor): (tree: Root) => void {
  remarkFrontMatterSyntax.call(this);
  return (tree) => {
    tree.children = tree.children.filter((node) => node.type !== "yaml");
  };
}
