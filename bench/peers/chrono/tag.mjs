// Tags the texts of `sitrep eval time --export-texts FILE` with chrono-node (fr or en parser, the document's
// creation time as reference) and writes one JSON line per expression: {doc, start, end, type, value}, the
// format `sitrep eval time --system` scores. chrono finds dates and times only (no durations, sets or
// vague references); its values are written as TIMEX3 values at the precision chrono says it knows.
import { readFileSync, writeFileSync } from "node:fs";
import * as chrono from "chrono-node";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node tag.mjs TEXTS.jsonl OUT.jsonl");
  process.exit(1);
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

function timexValue(component) {
  const known = (unit) => component.isCertain(unit);
  const y = component.get("year"), m = component.get("month"), d = component.get("day");
  let value = known("day") || known("weekday") || !known("month") ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`;
  if (!known("month") && !known("day") && !known("weekday") && known("year")) value = `${y}`;
  if (known("hour")) {
    return { type: "TIME", value: `${value}T${pad(component.get("hour"))}:${pad(component.get("minute") ?? 0)}` };
  }
  return { type: "DATE", value };
}

const lines = [];
for (const line of readFileSync(input, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const parser = doc.lang === "fr" ? chrono.fr : chrono.en;
  const reference = doc.dct ? new Date(`${doc.dct}T12:00:00Z`) : new Date(0);
  for (const result of parser.parse(doc.text, { instant: reference, timezone: 0 })) {
    const { type, value } = timexValue(result.start);
    lines.push(JSON.stringify({ doc: doc.doc, start: result.index, end: result.index + result.text.length, type, value }));
  }
}
writeFileSync(output, lines.join("\n") + "\n");
console.error(`chrono-node: ${lines.length} expressions written to ${output}`);
