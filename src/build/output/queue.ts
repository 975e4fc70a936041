// The write queue: file writes handed to libuv's thread pool a bounded number at a time, so the
// disk works on the second core while the next page renders.

/**
 * File writes handed to the thread pool, a bounded number at a time. The first failure is
 * reported by the next write or by `flush`.
 */
export class BackgroundWrites {
  private running = 0;
  /** Writes waiting for a free slot; a finishing write hands its slot to the first. */
  private readonly queue: (() => void)[] = [];
  private readonly drained: (() => void)[] = [];
  private failure: { error: unknown } | undefined;
  constructor(private readonly limit = 32) {}
  /** Starts `work` once fewer than `limit` writes run; resolves when it has started. */
  async add(work: () => Promise<unknown>): Promise<void> {
    this.throwFailure();
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((start) => this.queue.push(start));
    work().then(
      () => this.finished(),
      (error: unknown) => {
        this.failure ??= { error };
        this.finished();
      },
    );
  }
  /** Waits until every write added so far has finished; fails with the first failure. */
  async flush(): Promise<void> {
    if (this.running) await new Promise<void>((done) => this.drained.push(done));
    this.throwFailure();
  }
  private finished(): void {
    const next = this.queue.shift();
    if (next) return next();
    if (--this.running === 0) for (const done of this.drained.splice(0)) done();
  }
  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}
