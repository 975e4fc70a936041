// Counts the words of a page body and the minutes a reader needs for them, on `file.data`,
// for the archive index ("12 Min. Lesezeit").

import type { Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Words in the rendered body. */
    words: number;
    /** Reading time in whole minutes, at least 1. */
    readingMinutes: number;
  }
}

export interface ReadingStatsOptions {
  /** Words read per minute; 200 is typical for essayistic German prose. */
  wordsPerMinute?: number;
}

const WORD = /\S+/g;

export default function rehypeReadingStats(options: ReadingStatsOptions = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? 200;
  return (tree: Root, file: VFile) => {
    let words = 0;
    const walk = (nodes: (Root | RootContent)[]) => {
      for (const node of nodes) {
        if (node.type === 'text') words += node.value.match(WORD)?.length ?? 0;
        else if ('children' in node) walk(node.children);
      }
    };
    walk([tree]);
    file.data.words = words;
    file.data.readingMinutes = Math.max(1, Math.round(words / wordsPerMinute));
  };
}
