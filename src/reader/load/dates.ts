// Stage 1, load: an issue's date as the author writes it (front matter `date:`, `import --date`).
// One form only, YYYY-MM-DD, and a day the calendar has: anything else is refused with the form to
// write, never moved to a day the author did not mean (YAML would turn 2025-06-31 into 1 July).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How to write a date, ending every message about one. */
const FORM = 'write the day as YYYY-MM-DD, e.g. 2025-06-20';

/** The day as ISO `YYYY-MM-DD`, or what is wrong with the text (words that follow the quoted text). */
export type DateReading = { date: string } | { problem: string };

/**
 * Reads a date written `YYYY-MM-DD` (as the author typed it: the text of the `date:` line, or
 * the `--date` option). A day-first date (`20.06.2025`), a date with a time, a number or a day the
 * month does not have (`2025-02-30`) is a problem, named with what to write instead.
 */
export function readIssueDate(written: string): DateReading {
  const text = written.trim();
  if (!text) return { problem: `is empty; ${FORM}, or leave the line out` };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[2]!.length === 2 && iso[3]!.length === 2);
  const dayFirst = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(text);
  if (dayFirst) {
    const day = calendarDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]), true);
    if ('problem' in day) return day;
    return { problem: `is written day first; the archive reads one form, YYYY-MM-DD, which no reader takes for month first: write ${day.date}` };
  }
  const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(text);
  if (withTime) {
    const day = calendarDay(...(withTime[1]!.split('-').map(Number) as [number, number, number]), true);
    if ('problem' in day) return day;
    return { problem: `has a time, and the day depends on its time zone; write the day alone: ${day.date}` };
  }
  if (/^\d+$/.test(text)) return { problem: `is a number, not a day; ${FORM}` };
  return { problem: `is not a date this archive reads; ${FORM}` };
}

/** The day `year-month-day` when the calendar has it; `padded`: written with two-digit month and day. */
function calendarDay(year: number, month: number, day: number, padded: boolean): DateReading {
  if (month < 1 || month > 12) return { problem: `has no month ${month} (months are 01 to 12); ${FORM}` };
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0); // day 0 of the next month: the last of this one (any year, 0001 too)
  const days = last.getUTCDate();
  if (day < 1 || day > days) return { problem: `is not a day of the calendar (${MONTHS[month - 1]} ${year} has ${days} days); ${FORM}` };
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!padded) return { problem: `needs two digits for month and day; write it as ${date}` };
  return { date };
}
