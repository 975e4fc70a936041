// Splitting text at whitespace without a regular expression: the parser does it for every
// paragraph, and a scan over character codes is several times faster than `/\S+/g`, with the
// same result (the whitespace set is exactly JavaScript's `\s`).

/** Whether a UTF-16 code unit is whitespace as `\s` matches it. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** How many runs of non-whitespace a text has (`text.match(/\S+/g)?.length ?? 0`). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** The runs of non-whitespace of a text with their offsets (`[...text.matchAll(/\S+/g)]`). */
export function wordTokens(text: string): { word: string; index: number }[] {
  const tokens: { word: string; index: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space && start >= 0) {
      tokens.push({ word: text.slice(start, i), index: start });
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  return tokens;
}
