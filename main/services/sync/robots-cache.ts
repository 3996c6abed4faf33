/**
 * robots.txt answers per origin, shared by the runs of one process (RFC 9309 §2.4: kept at most
 * 24 hours). Only real answers are kept: a robots.txt that could not be fetched (5xx, no
 * connection) disallows everything for the run that met it, and the next run asks again.
 */
import type { RobotsRules } from './robots';

export interface RobotsAnswer {
  rules: RobotsRules;
  /** The HTTP status of the last hop, or null when there was no answer. */
  status: number | null;
  /** Set when robots.txt could not be fetched: everything is disallowed for now. */
  unreachable: string | null;
}

export const ROBOTS_MAX_AGE_MS = 24 * 3_600_000;

export class RobotsCache {
  private readonly entries = new Map<string, { answer: RobotsAnswer; at: number }>();

  constructor(
    private readonly maxAgeMs = ROBOTS_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(origin: string): RobotsAnswer | null {
    const e = this.entries.get(origin);
    if (!e) return null;
    if (this.now() - e.at >= this.maxAgeMs) {
      this.entries.delete(origin);
      return null;
    }
    return e.answer;
  }

  set(origin: string, answer: RobotsAnswer): void {
    if (answer.unreachable !== null) return;
    this.entries.set(origin, { answer, at: this.now() });
  }
}
