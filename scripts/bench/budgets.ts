// The budgets of the build (issue 22), each with its bar: collected while the benchmark runs and
// printed at its end as one table, so that a run says at a glance which are met.

interface Budget {
  name: string;
  value: number;
  bar: number;
  unit: string;
  note: string;
}

export class Budgets {
  private readonly rows: Budget[] = [];

  /**
   * Records a figure against its bar: met when it is at or below the bar.
   * @param unit how the figure and bar print (` ms`, ` s`, ` MB`, ` ×`)
   * @param note what else the reader should know (the processor time beside the wall clock, say)
   */
  add(name: string, value: number, bar: number, unit: string, note = ''): void {
    this.rows.push({ name, value, bar, unit, note });
  }

  print(): void {
    if (!this.rows.length) return;
    const figure = (value: number, unit: string) => `${value.toFixed(unit === ' MB' ? 0 : 2)}${unit}`;
    const width = Math.max(...this.rows.map((row) => row.name.length));
    console.log('\nBudgets');
    for (const row of this.rows) {
      const verdict = row.value <= row.bar ? 'met' : 'NOT met';
      console.log(`  ${row.name.padEnd(width)}  ${figure(row.value, row.unit).padStart(9)}  bar ≤ ${figure(row.bar, row.unit).padEnd(8)} ${verdict.padEnd(7)}${row.note ? `  ${row.note}` : ''}`);
    }
  }
}
