/** Reading an EPUB in tests: its zip entries, parsed OPF, nav and documents, and both validators. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { EpubCheck } from "@likecoin/epubcheck-ts";
import JSZip from "jszip";

export interface OpenEpub {
  readonly zip: JSZip;
  readonly names: string[];
  readonly text: (name: string) => Promise<string>;
  readonly xml: (name: string) => Promise<Document>;
}

export async function openEpub(path: string): Promise<OpenEpub> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`no ${name} in the EPUB`);
    return entry.async("string");
  };
  return { zip, names: Object.keys(zip.files), text, xml: async (name) => parseXml(await text(name)) };
}

export function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void (level !== "warning" && errors.push(message)),
  }).parseFromString(text, "application/xml");
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join("; ")}`);
  return doc;
}

/** Elements named `local` in any namespace. */
export function elements(doc: Document | Element, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", local));
}

export function textOf(node: Document | Element): string {
  return (node.textContent ?? "").replace(/\s+/g, " ").trim();
}

export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly messages: string[];
}

/** W3C EPUBCheck (Java, Debian's jar). */
export function epubcheckJava(path: string): CheckCounts {
  let output: string;
  try {
    output = execFileSync("java", ["-jar", "/usr/share/java/epubcheck.jar", path], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    output = `${failure.stdout ?? ""}${failure.stderr ?? ""}`;
  }
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!counts) throw new Error(`EPUBCheck did not report: ${output}`);
  const messages = output.split("\n").filter((line) => /^(FATAL|ERROR|WARNING)/.test(line));
  return { errors: Number(counts[1]) + Number(counts[2]), warnings: Number(counts[3]), messages };
}

/** The EPUBCheck 5.3 port. */
export async function epubcheckTs(path: string): Promise<CheckCounts> {
  const result = await EpubCheck.validate(readFileSync(path));
  const messages = result.messages
    .filter((m) => m.severity !== "info" && m.severity !== "usage")
    .map((m) => `${m.severity} ${m.id}: ${m.message} ${m.location?.path ?? ""}:${m.location?.line ?? ""}`);
  return { errors: result.errorCount + (result.fatalCount ?? 0), warnings: result.warningCount, messages };
}
