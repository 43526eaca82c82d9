/** Types for Adobe's grid-table packages, which ship none: the remark plugin and the mdast → hast handler Folio uses. */
declare module "@adobe/remark-gridtables" {
  import type { Processor } from "unified";
  export default function remarkGridtables(this: Processor): void;
}

declare module "@adobe/mdast-util-gridtables" {
  import type { Handler } from "mdast-util-to-hast";
  export const TYPE_TABLE: "gridTable";
  export function mdast2hastGridTablesHandler(): Handler;
}
