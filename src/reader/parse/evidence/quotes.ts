// Quotation marks as the evidence reads them: a quotation opens at an opening mark after
// whitespace, a slash, a bracket or a dash, and closes at its closing mark. Only the marks the
// tokenizer noted (tokens.ts) are read, in order, as the words are.

import { CLASS, CLOSING_OF, OPENING, OPENS_BEFORE, WHITESPACE } from '../characters.js';

export class Quotes {
  /** Characters inside quotation marks so far (a closing mark counts, an opening one does not). */
  quotedChars = 0;
  private awaited = 0;
  private openedAt = 0;
  private next = 0;
  private nextBracket = 0;

  constructor(
    private readonly text: string,
    private readonly marks: number[],
  ) {}

  /** Whether a quotation is open once the marks up to and including `at` are read. */
  quotedAt(at: number): boolean {
    const { text, marks } = this;
    for (; this.next < marks.length && marks[this.next]! <= at; this.next++) {
      const i = marks[this.next]!;
      const c = text.charCodeAt(i);
      if (this.awaited) {
        if (c === this.awaited || (this.awaited === 0x201c && (c === 0x201d || c === 34))) {
          this.quotedChars += i - this.openedAt;
          this.awaited = 0;
        }
      } else if (CLASS[c]! & OPENING && (i === 0 || CLASS[text.charCodeAt(i - 1)]! & (WHITESPACE | OPENS_BEFORE))) {
        this.awaited = CLOSING_OF.get(c)!;
        this.openedAt = i;
      }
    }
    return this.awaited !== 0;
  }

  /** Whether a `[` stands from `from` to `to` (asked in reading order). */
  bracketIn(from: number, to: number): boolean {
    const { text, marks } = this;
    while (this.nextBracket < marks.length && marks[this.nextBracket]! < from) this.nextBracket++;
    for (let m = this.nextBracket; m < marks.length && marks[m]! < to; m++) if (text.charCodeAt(marks[m]!) === 91) return true;
    return false;
  }

  /** The characters quoted in the whole text: a quotation left open runs to its end. */
  finish(): number {
    const end = this.text.length;
    this.quotedAt(end);
    if (this.awaited) {
      this.quotedChars += end - this.openedAt;
      this.awaited = 0;
    }
    return this.quotedChars;
  }
}
