// The twin of app/pii/_checks.py: number checks (areas, groups, prefixes, check digits)
// and which digit-group shapes could be an identifier at all.

import { CARD, CARD_LAYOUTS, CT, CUE_LAYOUTS, FEIN_PREFIXES, ITIN_GROUPS, MIN_DIGITS, ROUTING_PREFIXES, ROUTING_WEIGHTS, SSN_ADVERTISING, SSN_BAD_AREAS, SSN_BAD_AREA_FIRST } from "./pii-const.mjs";

export function ssnOk(d) {
  return (
    !SSN_BAD_AREAS.has(d.slice(0, 3)) &&
    d[0] !== SSN_BAD_AREA_FIRST &&
    d.slice(3, 5) !== "00" &&
    d.slice(5) !== "0000"
  );
}

export function itinOk(d) {
  return d[0] === "9" && ITIN_GROUPS.has(d.slice(3, 5));
}

export function ssnOrItin(d) {
  // (987-65-4320..4329 would otherwise pass as ITINs; one digit throughout, 999-99-9999,
  // is a form's or a test file's placeholder, never an issued number of any kind)
  if (SSN_ADVERTISING.has(d) || allSame(d)) return null;
  if (d[0] === SSN_BAD_AREA_FIRST) return itinOk(d) ? "itin" : null;
  return ssnOk(d) ? "ssn" : null;
}

export function feinOk(d) {
  // (a serial of seven zeros is a form's placeholder, never an issued number)
  // (the advertising numbers are examples in any grouping: "12-3456789" is the IRS's)
  return (
    FEIN_PREFIXES.has(d.slice(0, 2)) && d.slice(2) !== "0000000" && !SSN_ADVERTISING.has(d) && !allSame(d)
  );
}

export function routingOk(d) {
  if (!ROUTING_PREFIXES.has(d.slice(0, 2)) || allSame(d)) return false;
  let total = 0;
  for (let i = 0; i < 9; i++) total += (d.charCodeAt(i) - 48) * ROUTING_WEIGHTS[i];
  return total % 10 === 0;
}

export function luhnOk(d) {
  let total = 0;
  for (let i = 0; i < d.length; i++) {
    let v = d.charCodeAt(d.length - 1 - i) - 48;
    if (i & 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    total += v;
  }
  return total % 10 === 0;
}

const CARD_TEST_NUMBERS = new Set(CARD.test_numbers); // published test numbers: never issued

export function cardOk(d) {
  if (CARD_TEST_NUMBERS.has(d)) return false;
  for (const brand of CARD.brands) {
    if (!brand.lengths.includes(d.length)) continue;
    for (const [lo, hi] of brand.ranges) {
      const p = d.slice(0, lo.length);
      if (lo <= p && p <= hi) return luhnOk(d);
    }
  }
  return false;
}

// Could the digits d be an identifier of this kind (its length and its checks)?
// (_checks._fits)
export function fits(kind, d) {
  if (kind === "ssn" || kind === "itin") return d.length === 9 && ssnOrItin(d) === kind;
  if (kind === "fein") return d.length === 9 && feinOk(d);
  if (kind === "routing") return d.length === 9 && routingOk(d);
  if (kind === "card") return cardOk(d);
  const base = d.slice(0, d.length - CT.location_length);
  return (
    CT.base_min <= base.length &&
    base.length <= CT.base_max &&
    d.slice(-CT.location_length).startsWith(CT.no_cue_location_prefix) &&
    !CT.placeholder_bases.includes(base)
  );
}

// Is b what a becomes by a slip: one or two digits changed (one mistyped, two
// neighbours swapped as in "554171825" for "551471825", or one mistyped and the check
// digit redone)? Both have the same length. (_checks._typo_of)
const SLIPS = 2;
export function typoOf(a, b) {
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && ++changed > SLIPS) return false;
  }
  return changed > 0;
}

// Keys that d shares with every number typoOf takes it for: d cut into SLIPS + 1 parts,
// each with its place and d's length. Two numbers of one length that differ in at most
// SLIPS digits agree in at least one part, so a found number's slips are looked up by
// these keys instead of compared with every found number. (_checks._typo_keys)
export function typoKeys(d) {
  const n = d.length;
  const keys = [];
  for (let i = 0; i <= SLIPS; i++) {
    keys.push(`${n}:${i}:${d.slice(Math.floor((n * i) / (SLIPS + 1)), Math.floor((n * (i + 1)) / (SLIPS + 1)))}`);
  }
  return keys;
}

export function allSame(d) {
  for (let i = 1; i < d.length; i++) if (d[i] !== d[0]) return false;
  return true;
}

// Cheap test on group lengths alone: could classify() accept this piece?
export function shapePossible(lens) {
  let n = 0;
  for (const l of lens) n += l;
  if (n < MIN_DIGITS || n > CARD.max_length) return false;
  const k = lens.length;
  if (k === 1) return true;
  if (k === 2 && lens[0] === 2 && lens[1] === 7) return true;
  if (k === 3 && lens[0] === 3 && lens[1] === 2 && lens[2] === 4) return true;
  if (CUE_LAYOUTS.has(lens.join(","))) return true;
  if (lens[k - 1] === CT.location_length && k - 1 <= CT.max_base_groups && Math.min(...lens) >= CT.min_group) {
    return CT.base_min <= n - CT.location_length && n - CT.location_length <= CT.base_max;
  }
  return CARD_LAYOUTS.has(lens.join(","));
}

// Ten digits shaped like a North American number: NXX NXX XXXX (N is 2-9), or eleven
// with the country code 1 in front.
export function phoneLike(d) {
  if (d.length === 11 && d[0] === "1") d = d.slice(1);
  return d.length === 10 && d[0] >= "2" && d[3] >= "2";
}

// Every group-length list of two or more groups that shapePossible accepts (as
// _multi_group_shapes in _checks.py): of the fixed layouts, and the CT numbers.
function multiGroupShapes() {
  const shapes = [[2, 7], [3, 2, 4]];
  for (const s of CUE_LAYOUTS) shapes.push(s.split(",").map(Number));
  for (const s of CARD_LAYOUTS) shapes.push(s.split(",").map(Number));
  const bases = (left, groups) => {
    const out = left === 0 ? [[]] : [];
    if (groups === 0) return out;
    for (let g = CT.min_group; g <= left; g++) {
      for (const rest of bases(left - g, groups - 1)) out.push([g, ...rest]);
    }
    return out;
  };
  for (let total = CT.base_min; total <= CT.base_max; total++) {
    for (const b of bases(total, CT.max_base_groups)) if (b.length) shapes.push([...b, CT.location_length]);
  }
  // (a card laid out 4-4-4-3 ends like a CT number and is only taken as a whole chunk)
  return shapes.filter((s) => shapePossible(s));
}

const MULTI = multiGroupShapes();
// What a piece of two or more groups starts and ends with ("first,second" lengths)
export const FIRST_PAIRS = new Set(MULTI.map((s) => s[0] + "," + s[1]));
export const LAST_PAIRS = new Set(MULTI.map((s) => s[s.length - 2] + "," + s[s.length - 1]));
// The same for the shapes classify() takes without a cue: 3-2-4, 2-7, a 7-digit base and
// a location code, and the card layouts (a single group is then a card of CARD.min_length+)
const CUE_FREE = MULTI.filter(
  (s) =>
    ["3,2,4", "2,7", [CT.base_max - 2, CT.location_length].join(",")].includes(s.join(",")) ||
    CARD_LAYOUTS.has(s.join(",")),
);
export const CUE_FREE_FIRST_PAIRS = new Set(CUE_FREE.map((s) => s[0] + "," + s[1]));
export const CUE_FREE_LAST_PAIRS = new Set(CUE_FREE.map((s) => s[s.length - 2] + "," + s[s.length - 1]));
