import type { Clock } from '../../src/lib/clock.js';

/** A clock the test moves by hand. Starts at the real time, so database defaults stay close. */
export class TestClock implements Clock {
  private current = new Date();

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}
