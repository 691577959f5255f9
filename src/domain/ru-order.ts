// Russian alphabetical order of our own (issue 24 item 8). Sorting used Intl.Collator('ru') and
// localeCompare(…, 'ru'); which ICU data Apps Script's V8 carries is not documented, and a runtime
// without Russian collation data falls back to code-point order, where «ё» (U+0451) sorts after «я»
// and capitals before every lowercase letter. So names, categories and № are compared here:
//   - case does not matter («иванов» = «Иванов»);
//   - «ё» comes right after «е» (the Russian alphabet: … д е ё ж з …);
//   - runs of digits compare as numbers («7-2» before «7-10», «П1» before «П10»);
//   - classes: spaces and punctuation, then digits, then Cyrillic, then Latin, then the rest;
//   - two strings equal by these rules are ordered by their code units, so a sort is repeatable.

const ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const RANK = new Map([...ALPHABET].map((ch, i) => [ch, i]));

const PUNCT = 0;
const DIGIT = 1;
const CYRILLIC = 2;
const LATIN = 3;
const OTHER = 4;

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** [class, weight] of one lowercase character that is not a digit. */
function weight(ch: string): [number, number] {
  const r = RANK.get(ch);
  if (r !== undefined) return [CYRILLIC, r];
  if (ch >= 'a' && ch <= 'z') return [LATIN, ch.charCodeAt(0)];
  const code = ch.codePointAt(0) ?? 0;
  if (/[\s\p{P}\p{S}]/u.test(ch)) return [PUNCT, code];
  return [OTHER, code];
}

/** The digits from `i` on: [value without leading zeros, end index]. */
function digitRun(s: string, i: number): [string, number] {
  let j = i;
  while (j < s.length && isDigit(s[j])) j++;
  return [s.slice(i, j).replace(/^0+(?=\d)/, ''), j];
}

/** Compares two strings in Russian alphabetical order (see above); for Array.prototype.sort. */
export function compareRu(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x[i];
    const cy = y[j];
    if (isDigit(cx) && isDigit(cy)) {
      const [nx, ei] = digitRun(x, i);
      const [ny, ej] = digitRun(y, j);
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    const [kx, wx] = isDigit(cx) ? [DIGIT, 0] : weight(cx);
    const [ky, wy] = isDigit(cy) ? [DIGIT, 0] : weight(cy);
    if (kx !== ky) return kx - ky;
    if (wx !== wy) return wx - wy;
    i++;
    j++;
  }
  const rest = x.length - i - (y.length - j);
  if (rest !== 0) return rest;
  return a < b ? -1 : a > b ? 1 : 0;
}
