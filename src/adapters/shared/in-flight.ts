/** Work that has started and not finished yet, so that a shutdown can wait for it. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => void this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once nothing is in flight, including work that starts while waiting. */
  async drained(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Waits until drained, or `graceMs` at most; true if everything finished. */
  async settle(graceMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace over">((resolve) => (timer = setTimeout(resolve, graceMs, "grace over")));
    const outcome = await Promise.race([this.drained(), graceOver]);
    clearTimeout(timer);
    return outcome !== "grace over";
  }
}
