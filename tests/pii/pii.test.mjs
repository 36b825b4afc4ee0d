// Node test runner: the same rule table as tests/pii/test_pii_rules.py, run against the
// browser module. Run with: node --test tests/pii/pii.test.mjs
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { KIND_LABELS, KINDS, WARM_UP_TEXTS, describe, mask, remove, scan } from "../../app/static/js/pii.mjs";

const CASES = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

for (const c of CASES) {
  test(`${c.rule}: ${JSON.stringify(c.text.slice(0, 40))}`, () => {
    const got = scan(c.text).map((f) => [f.kind, c.text.slice(f.start, f.end)]);
    assert.equal(got.length, c.expect.length, JSON.stringify(got));
    got.forEach(([kind, span], i) => {
      assert.ok(c.expect[i].kinds.includes(kind), `${kind} not in ${c.expect[i].kinds}`);
      assert.equal(span, c.expect[i].text);
    });
  });
}

test("finding fields, masking and wording match the Python package", () => {
  const [f] = scan("My SSN is 078-05-1121.");
  assert.deepEqual(
    { ...f },
    { kind: "ssn", start: 10, end: 21, masked: "***-**-1121", last4: "1121", label: "Social Security number" },
  );
  assert.ok(Object.isFrozen(f));
  assert.equal(describe(f), "a Social Security number ending in 1121");
  assert.equal(describe(scan("ITIN 912-70-1234")[0]), "an Individual Taxpayer Identification Number ending in 1234");
  assert.equal(mask("card", "378282246310005"), "**** ****** *0005");
  assert.equal(mask("ct_tax_reg", "4821537000"), "******7-000");
});

// The same table as EVERY_KIND in test_pii_rules.py: what the live hint says of each kind.
const EVERY_KIND = {
  ssn: ["SSN 234-56-7891", "a Social Security number ending in 7891"],
  itin: ["ITIN 912-70-1234", "an Individual Taxpayer Identification Number ending in 1234"],
  fein: ["EIN 12-3456780", "a Federal Employer Identification Number ending in 6780"],
  ct_tax_reg: ["CT tax registration number 4821537-000", "a Connecticut Tax Registration Number ending in 7000"],
  card: ["card 4929 3817 5208 1111", "a payment card number ending in 1111"],
  routing: ["routing number 021000021", "a bank routing number ending in 0021"],
};

test("every kind is named in plain words without digits", () => {
  assert.deepEqual([...KINDS].sort(), Object.keys(EVERY_KIND).sort(), "a new kind needs its wording checked here");
  for (const [kind, [text, warning]] of Object.entries(EVERY_KIND)) {
    const found = scan(text);
    assert.equal(found.length, 1, text);
    assert.equal(found[0].kind, kind);
    assert.equal(describe(found[0]), warning);
    const removed = remove(text, found);
    assert.ok(removed.endsWith(`[${KIND_LABELS[kind]} removed]`), removed);
    assert.doesNotMatch(removed, /[0-9]/);
  }
});

test("offsets are JavaScript string indices", () => {
  const text = "\u{1F600}\u{1F600} SSN 234-56-7891";
  const [f] = scan(text);
  assert.equal(f.start, 9);
  assert.equal(text.slice(f.start, f.end), "234-56-7891");
});

test("remove leaves labels and nothing to find", () => {
  const text = "SSN 234-56-7891, card 4929 3817 5208 1111, routing 021000021.";
  const out = remove(text, scan(text));
  assert.equal(
    out,
    "SSN [Social Security number removed], card [payment card number removed], routing [bank routing number removed].",
  );
  assert.deepEqual(scan(out), []);
});

// The contact form scans these while the page is idle so that V8 has compiled the
// patterns before the first real check: each must reach the findings it was written for,
// or it no longer runs the paths a visitor's message would.
test("the warm-up messages run the cue, table, list, quote, spoken and other scripts' paths", () => {
  const kinds = new Set();
  for (const text of WARM_UP_TEXTS) {
    const found = scan(text);
    assert.ok(found.length >= 2, text);
    found.forEach((f) => kinds.add(f.kind));
  }
  assert.deepEqual([...kinds].sort(), ["card", "ct_tax_reg", "fein", "routing", "ssn"]);
  assert.ok(scan(WARM_UP_TEXTS[3]).some((f) => /[a-z]/.test(WARM_UP_TEXTS[3].slice(f.start, f.end))), "spoken digits");
});

test("never throws on odd input", () => {
  for (const t of ["", "\ud800", "\udc00123-45-6789", "9".repeat(5000), "1-".repeat(3000), "SSN ".repeat(2000)]) {
    scan(t);
  }
  assert.throws(() => scan(42), TypeError);
});

test("the cue search finds what the whole cue alternation finds", async () => {
  // CueRegExp tries only the patterns that can start where a cue could (_rules.CueSearch)
  const { CueRegExp, CUE_KINDS } = await import("../../app/static/js/pii-const.mjs");
  const { RULES, SOURCES } = await import("../../app/static/js/pii-rules.mjs");
  const { latinLower } = await import("../../app/static/js/pii-cues.mjs");
  const groups = CUE_KINDS.map((_k, i) => SOURCES.cue.patterns.filter(([kind]) => kind === i).map(([, p]) => p));
  const alternation = groups.map((g) => (g.length ? "(" + g.join("|") + ")" : "((?!))")).join("|");
  const source = RULES.cue_start + "(?<![a-z])(?:" + alternation + ")(?![a-z])";
  const spans = (re, s, from, sticky) => {
    const out = [];
    re.lastIndex = from;
    let m;
    while ((m = re.exec(s)) !== null) {
      out.push([m.index, m[0].length, m.findLastIndex((g, i) => i > 0 && g !== undefined)]);
      if (sticky) break;
    }
    return out;
  };
  let compared = 0;
  for (const c of CASES) {
    const low = [...c.text].map(latinLower).join("");
    for (const from of [0, low.length >> 1]) {
      assert.deepEqual(spans(new CueRegExp("g"), low, from, false), spans(new RegExp(source, "g"), low, from, false), low);
      assert.deepEqual(spans(new CueRegExp("y"), low, from, true), spans(new RegExp(source, "y"), low, from, true), low);
      compared++;
    }
  }
  assert.ok(compared > 5000);
});
