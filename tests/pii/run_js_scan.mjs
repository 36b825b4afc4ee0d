// Read JSON lines {"text": ...} on stdin, print one JSON line of findings per input line.
// Offsets are converted from UTF-16 indices to code points so they compare with Python.
import { createInterface } from "node:readline";
import { scan } from "../../app/static/js/pii.mjs";

function toCodePoints(text, index) {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) i++;
    n++;
  }
  return n;
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const { text } = JSON.parse(line);
  const found = scan(text).map((f) => [
    f.kind,
    toCodePoints(text, f.start),
    toCodePoints(text, f.end),
    f.masked,
  ]);
  process.stdout.write(JSON.stringify(found) + "\n");
}
