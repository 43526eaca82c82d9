/** XHTML for the EPUB: an HTML tree written as well-formed XML, and the manifest properties it needs. */
import type { Root } from "hast";
import { toXast } from "hast-util-to-xast";
import { toXml } from "xast-util-to-xml";

/** An HTML tree as well-formed XHTML (no XML declaration, no wrapper). */
export function treeXhtml(tree: Root): string {
  const root = toXast(tree);
  // Each top element gets an xmlns equal to the document's default namespace: drop the repetition.
  if (root.type === "root") {
    for (const node of root.children) {
      if (node.type === "element" && node.attributes.xmlns === "http://www.w3.org/1999/xhtml")
        delete node.attributes.xmlns;
    }
  }
  mathInMathMlNamespace(root);
  // XML forbids `]]>` in text; the serializer escapes `<` and `&` only.
  return toXml(root).replaceAll("]]>", "]]&gt;");
}

type XastParent = {
  children?: XastParent[];
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined>;
};

/** hast knows no MathML namespace: put each `<math>` element (its children inherit it) into it, as EPUB requires. */
function mathInMathMlNamespace(root: XastParent): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "element" && node.name === "math" && node.attributes)
      node.attributes.xmlns = "http://www.w3.org/1998/Math/MathML";
    else stack.push(...(node.children ?? []));
  }
}

/** The EPUB manifest properties a chapter's XHTML needs (`svg`, `mathml`), or undefined. */
export function documentProperties(xhtml: string): string | undefined {
  const properties = [/<svg[\s>]/.test(xhtml) && "svg", /<math[\s>]/.test(xhtml) && "mathml"].filter(Boolean);
  return properties.length > 0 ? properties.join(" ") : undefined;
}
