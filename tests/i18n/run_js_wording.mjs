// Read JSON lines {"text": ..., "language": ...}; print, per line, the JavaScript twin's
// description of each finding, the text with the findings removed, and what a second
// scan of that text finds (placeholders must not be taken for numbers).
import { createInterface } from "node:readline";
import { describe, kindLabel, remove, removalLabel, scan } from "../../app/static/js/pii.mjs";

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const { text, language } = JSON.parse(line);
  const found = scan(text);
  const removed = remove(text, found, language);
  process.stdout.write(
    JSON.stringify({
      described: found.map((f) => describe(f, language)),
      labels: found.map((f) => [kindLabel(f.kind, language), removalLabel(f.kind, language)]),
      removed,
      rescanned: scan(removed).length,
    }) + "\n",
  );
}
