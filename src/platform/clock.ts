import { readFileSync } from 'node:fs';

/** The one source of "now": tests pass a clock they can move. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

function readOffset(path: string): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (text === '') return 0;
  const offset = Number(text);
  if (!Number.isFinite(offset)) throw new Error(`the test clock file ${path} holds "${text}", not a number`);
  return offset;
}

/**
 * Real time plus an offset in milliseconds that a browser test writes to a
 * file, so it can move a running server's clock (deadlines, retention). The
 * file is read again at most every `refreshMs`: the clock is asked for often,
 * a jump only needs to show up within a poll of the job runner. Never in
 * production: config refuses the setting outside NODE_ENV=test.
 */
export class FileOffsetClock implements Clock {
  private offset = 0;
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly path: string,
    private readonly refreshMs = 150,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): Date {
    const real = this.realNow();
    if (real - this.readAt >= this.refreshMs) {
      this.offset = readOffset(this.path);
      this.readAt = real;
    }
    return new Date(real + this.offset);
  }
}
