import type { ActiveInterval, RunRecord, SinkWrite } from './run-record.js';
import type { ClosedInterval, EffectDuringOtherActive, Overlap, RunVerdict } from './run-verdict.js';

/** Several runs of one fault, in counts, for a results table. */
export interface RunSummary {
  readonly runs: number;
  /** Runs whose verdict is not `ok`. */
  readonly failed: number;
  readonly overlaps: number;
  readonly effectsOutsideInterval: number;
  readonly effectsDuringOtherActive: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly duplicateKeys: number;
  readonly refused: number;
}

/**
 * Judges one run for exactly-one-active safety. Throws a `RangeError` for an interval that ends before it
 * starts, which only a broken recorder produces.
 */
export function checkRun(run: RunRecord): RunVerdict {
  const intervals = run.intervals.map((interval) => closedInterval(interval, run));
  const accepted = run.writes.filter((write) => write.accepted);
  const overlaps = overlapsOf(intervals);
  const effectsOutsideInterval = accepted.filter((write) => !intervals.some((interval) => authorizes(interval, write)));
  const effectsDuringOtherActive = accepted.flatMap((write): EffectDuringOtherActive[] => {
    const others = intervals.filter((interval) => interval.pod !== write.pod && strictlyInside(write.issuedAt, interval));
    return others.length === 0 ? [] : [{ write, others }];
  });

  const acceptedPerKey = new Map<string, number>();
  for (const { key } of accepted) acceptedPerKey.set(key, (acceptedPerKey.get(key) ?? 0) + 1);
  const lost = [...new Set(run.produced)].filter((key) => !acceptedPerKey.has(key));
  const repeated = [...acceptedPerKey.values()].filter((count) => count > 1);

  return {
    ok: overlaps.length === 0 && effectsOutsideInterval.length === 0 && effectsDuringOtherActive.length === 0 && lost.length === 0,
    overlaps,
    effectsOutsideInterval,
    effectsDuringOtherActive,
    lost,
    duplicates: { writes: repeated.reduce((sum, count) => sum + count - 1, 0), keys: repeated.length },
    refused: run.writes.length - accepted.length,
  };
}

export function summarize(verdicts: readonly RunVerdict[]): RunSummary {
  const total = (count: (verdict: RunVerdict) => number): number => verdicts.reduce((sum, verdict) => sum + count(verdict), 0);
  return {
    runs: verdicts.length,
    failed: total((verdict) => (verdict.ok ? 0 : 1)),
    overlaps: total((verdict) => verdict.overlaps.length),
    effectsOutsideInterval: total((verdict) => verdict.effectsOutsideInterval.length),
    effectsDuringOtherActive: total((verdict) => verdict.effectsDuringOtherActive.length),
    lost: total((verdict) => verdict.lost.length),
    duplicates: total((verdict) => verdict.duplicates.writes),
    duplicateKeys: total((verdict) => verdict.duplicates.keys),
    refused: total((verdict) => verdict.refused),
  };
}

/**
 * An interval left open ends when its pod was SIGKILLed, the first time at or after it started (a pod
 * restarted under its name can die again later), since a killed process does nothing more; or else when the
 * run ended, since a pod that was only stopped still takes itself for active.
 */
function closedInterval({ pod, start, end, token }: ActiveInterval, run: RunRecord): ClosedInterval {
  const deathTimes = run.deaths.filter((death) => death.pod === pod && death.at >= start).map((death) => death.at);
  const closedEnd = end ?? (deathTimes.length > 0 ? Math.min(...deathTimes) : run.endedAt);
  if (!(closedEnd >= start)) {
    throw new RangeError(`the active interval of ${pod} with token ${token} ends at ${closedEnd}, before its start at ${start}`);
  }
  return { pod, start, end: closedEnd, token };
}

/** Pairs of different pods' intervals that share more than an instant, found in one sweep by start time. */
function overlapsOf(intervals: readonly ClosedInterval[]): Overlap[] {
  const byStart = [...intervals].sort((a, b) => a.start - b.start);
  const overlaps: Overlap[] = [];
  let running: ClosedInterval[] = [];
  for (const second of byStart) {
    running = running.filter((interval) => interval.end > second.start);
    for (const first of running) {
      if (first.pod === second.pod) continue;
      const intersection = { start: second.start, end: Math.min(first.end, second.end) };
      const lengthMs = intersection.end - intersection.start;
      if (lengthMs > 0) overlaps.push({ first, second, intersection, lengthMs });
    }
    running.push(second);
  }
  return overlaps;
}

/**
 * Whether the interval could have made the write: the pod read its clock for both `issuedAt` and the
 * interval's ends, so an effect issued at an end is its own.
 */
function authorizes(interval: ClosedInterval, write: SinkWrite): boolean {
  return interval.pod === write.pod && interval.token === write.token && interval.start <= write.issuedAt && write.issuedAt <= interval.end;
}

/** Ends excluded, as for overlaps: at a handover the new active starts the instant the old one ends. */
function strictlyInside(time: number, interval: ClosedInterval): boolean {
  return interval.start < time && time < interval.end;
}
