/** The long property run: `npm run fuzz -- --minutes N [--java-every K] [--pdf-every P] [--seed S]`; prints counts and each failure's manuscript. */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { checkBook } from "./check.js";
import { generatedBook } from "./manuscripts.js";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    "java-every": { type: "string", default: "10" },
    "pdf-every": { type: "string", default: "4" },
    seed: { type: "string" },
  },
});
const deadline = Date.now() + Number(values.minutes) * 60_000;
const javaEvery = Math.max(1, Number(values["java-every"]));
const pdfEvery = Math.max(1, Number(values["pdf-every"]));
let pdfRuns = 0;
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
let cases = 0;
let built = 0;
let javaRuns = 0;
const failures: string[] = [];

process.stderr.write(
  `fuzz: seed ${seed}, ${values.minutes} min, Java EPUBCheck every ${javaEvery} built books, the PDF of every ${pdfEvery}\n`,
);
while (Date.now() < deadline) {
  // One sample per case, seeded by its number, so that a failure is reproduced by its seed and case alone.
  const [book] = fc.sample(generatedBook, { seed: seed + cases, numRuns: 1 });
  const java = (built + 1) % javaEvery === 0;
  const pdf = (built + 1) % pdfEvery === 0;
  const outcome = await checkBook(book, { java, pdf });
  if (outcome.built && pdf) pdfRuns++;
  cases++;
  if (outcome.built) built++;
  if (outcome.built && java) javaRuns++;
  if (outcome.failure) {
    failures.push(outcome.failure);
    process.stderr.write(`\nFAILURE in case ${cases}: ${outcome.failure}\nmanuscript: ${JSON.stringify(book)}\n`);
  }
  if (cases % 25 === 0)
    process.stderr.write(`fuzz: ${cases} cases, ${built} built, ${pdfRuns} PDFs, ${failures.length} failures\n`);
}
process.stdout.write(
  `fuzz: ${cases} cases (${built} built into editions, ${cases - built} ended with diagnostics), ${javaRuns} Java EPUBCheck runs, ${pdfRuns} PDFs checked, ${failures.length} failures, seed ${seed}\n`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
