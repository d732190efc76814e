import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkRun, summarize } from '../src/check-run.js';
import type { ActiveInterval, PodDeath, RunRecord, SinkWrite } from '../src/run-record.js';

function interval(pod: string, start: number, end: number | null, token: number): ActiveInterval {
  return { pod, start, end, token };
}

function write(pod: string, token: number, issuedAt: number, key: string, accepted = true): SinkWrite {
  return { resource: 'ledger', token, key, pod, issuedAt, receivedAt: issuedAt + 1, accepted };
}

function run(parts: Partial<RunRecord>): RunRecord {
  return { intervals: [], writes: [], produced: [], deaths: [], endedAt: 1_000, ...parts };
}

/** A handover from pod-a to pod-b at 100, each writing what it is given: the shape of a clean failover. */
const handover = run({
  intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 100, null, 2)],
  writes: [
    write('pod-a', 1, 10, 'k1'),
    write('pod-a', 1, 100, 'k2'),
    write('pod-b', 2, 100, 'k3'),
    write('pod-a', 1, 150, 'k4', false),
    write('pod-b', 2, 250, 'k4'),
  ],
  produced: ['k1', 'k2', 'k3', 'k4'],
  endedAt: 300,
});

describe('checkRun', () => {
  test('passes a clean handover, refused stale write included', () => {
    expect(checkRun(handover)).toEqual({
      ok: true,
      overlaps: [],
      effectsOutsideInterval: [],
      effectsDuringOtherActive: [],
      lost: [],
      duplicates: { writes: 0, keys: 0 },
      refused: 1,
    });
  });

  test('passes an empty run', () => {
    expect(checkRun(run({})).ok).toBe(true);
  });

  test('catches two pods active at once', () => {
    const verdict = checkRun(run({ intervals: [interval('pod-b', 60, 200, 2), interval('pod-a', 0, 100, 1)] }));
    expect(verdict.ok).toBe(false);
    expect(verdict.overlaps).toEqual([
      {
        first: { pod: 'pod-a', start: 0, end: 100, token: 1 },
        second: { pod: 'pod-b', start: 60, end: 200, token: 2 },
        intersection: { start: 60, end: 100 },
        lengthMs: 40,
      },
    ]);
  });

  test('reports every pair of pods active at once, and an interval inside another', () => {
    const verdict = checkRun(
      run({ intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 20, 30, 2), interval('pod-c', 25, 200, 3)] }),
    );
    expect(verdict.overlaps.map(({ first, second, intersection, lengthMs }) => [first.pod, second.pod, intersection, lengthMs])).toEqual([
      ['pod-a', 'pod-b', { start: 20, end: 30 }, 10],
      ['pod-a', 'pod-c', { start: 25, end: 100 }, 75],
      ['pod-b', 'pod-c', { start: 25, end: 30 }, 5],
    ]);
  });

  test('does not take touching intervals [a, b] and [b, c] for an overlap', () => {
    const verdict = checkRun(run({ intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 100, 200, 2)] }));
    expect(verdict.overlaps).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  test('does not take an instant of activity inside another pod interval for an overlap', () => {
    expect(checkRun(run({ intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 50, 50, 2)] })).overlaps).toEqual([]);
  });

  test('does not take intervals of one pod for an overlap', () => {
    expect(checkRun(run({ intervals: [interval('pod-a', 0, 100, 1), interval('pod-a', 50, 200, 2)] })).overlaps).toEqual([]);
  });

  test('catches an accepted write by a pod that was standby when it issued it', () => {
    const late = write('pod-a', 1, 150, 'k1');
    const verdict = checkRun(run({ intervals: [interval('pod-a', 0, 100, 1)], writes: [late], produced: ['k1'] }));
    expect(verdict.ok).toBe(false);
    expect(verdict.effectsOutsideInterval).toEqual([late]);
    expect(verdict.effectsDuringOtherActive).toEqual([]);
  });

  test('catches an accepted write inside its pod interval but under another token', () => {
    const stale = write('pod-a', 1, 250, 'k1');
    const verdict = checkRun(
      run({ intervals: [interval('pod-a', 0, 100, 1), interval('pod-a', 200, 300, 3)], writes: [stale], produced: ['k1'] }),
    );
    expect(verdict.effectsOutsideInterval).toEqual([stale]);
  });

  test('does not hold refused writes against the pod', () => {
    const verdict = checkRun(
      run({
        intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 100, 200, 2)],
        writes: [write('pod-a', 1, 150, 'k1', false), write('pod-b', 2, 160, 'k1')],
        produced: ['k1'],
      }),
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.refused).toBe(1);
  });

  test('catches an accepted write issued while another pod was active', () => {
    const intervals = [interval('pod-a', 0, 100, 1), interval('pod-b', 50, 200, 2)];
    const during = write('pod-b', 2, 80, 'k1');
    const verdict = checkRun(run({ intervals, writes: [during, write('pod-b', 2, 150, 'k2')], produced: ['k1', 'k2'] }));
    expect(verdict.ok).toBe(false);
    expect(verdict.effectsOutsideInterval).toEqual([]);
    expect(verdict.effectsDuringOtherActive).toEqual([{ write: during, others: [{ pod: 'pod-a', start: 0, end: 100, token: 1 }] }]);
  });

  test('catches a deposed active whose write was accepted after the handover', () => {
    const deposed = write('pod-a', 1, 150, 'k1');
    const verdict = checkRun(
      run({ intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 100, 200, 2)], writes: [deposed], produced: ['k1'] }),
    );
    expect(verdict.effectsOutsideInterval).toEqual([deposed]);
    expect(verdict.effectsDuringOtherActive).toEqual([{ write: deposed, others: [{ pod: 'pod-b', start: 100, end: 200, token: 2 }] }]);
  });

  test('catches a produced key without an accepted write', () => {
    const verdict = checkRun(
      run({
        intervals: [interval('pod-a', 0, null, 1)],
        writes: [write('pod-a', 1, 10, 'k1'), write('pod-a', 0, 20, 'k2', false)],
        produced: ['k1', 'k2', 'k3', 'k2'],
      }),
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.lost).toEqual(['k2', 'k3']);
  });

  test('counts accepted writes beyond the first of their key, without failing the run', () => {
    const verdict = checkRun(
      run({
        intervals: [interval('pod-a', 0, null, 1)],
        writes: [
          write('pod-a', 1, 10, 'k1'),
          write('pod-a', 1, 11, 'k1'),
          write('pod-a', 1, 12, 'k1'),
          write('pod-a', 1, 13, 'k2'),
          write('pod-a', 1, 14, 'k2'),
          write('pod-a', 1, 15, 'k3'),
          write('pod-a', 0, 16, 'k3', false),
        ],
        produced: ['k1', 'k2', 'k3'],
      }),
    );
    expect(verdict.duplicates).toEqual({ writes: 3, keys: 2 });
    expect(verdict.ok).toBe(true);
  });

  test('counts refused writes', () => {
    const verdict = checkRun(
      run({
        intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 100, null, 2)],
        writes: [write('pod-b', 2, 110, 'k1'), write('pod-a', 1, 90, 'k1', false), write('pod-a', 1, 95, 'k2', false), write('pod-b', 2, 120, 'k2')],
        produced: ['k1', 'k2'],
      }),
    );
    expect(verdict.refused).toBe(2);
    expect(verdict.ok).toBe(true);
  });

  test('closes an interval left open at its pod death', () => {
    const intervals = [interval('pod-a', 0, null, 1), interval('pod-b', 150, null, 2)];
    const afterDeath = write('pod-a', 1, 120, 'k1');
    const deaths: PodDeath[] = [{ pod: 'pod-a', at: 100 }];
    const verdict = checkRun(run({ intervals, deaths, writes: [afterDeath], produced: ['k1'], endedAt: 300 }));
    expect(verdict.overlaps).toEqual([]);
    expect(verdict.effectsOutsideInterval).toEqual([afterDeath]);

    const withoutDeath = checkRun(run({ intervals, endedAt: 300 }));
    expect(withoutDeath.overlaps.map(({ intersection }) => intersection)).toEqual([{ start: 150, end: 300 }]);
  });

  test('closes an interval left open at the first death after its start, for a pod restarted under its name', () => {
    const deaths: PodDeath[] = [
      { pod: 'pod-a', at: 50 },
      { pod: 'pod-a', at: 400 },
      { pod: 'pod-a', at: 200 },
      { pod: 'pod-b', at: 120 },
    ];
    const verdict = checkRun(run({ intervals: [interval('pod-a', 100, null, 3), interval('pod-b', 200, null, 4)], deaths }));
    expect(verdict.ok).toBe(true);
    const overlapping = checkRun(run({ intervals: [interval('pod-a', 100, null, 3), interval('pod-b', 150, null, 4)], deaths }));
    expect(overlapping.overlaps.map(({ intersection }) => intersection)).toEqual([{ start: 150, end: 200 }]);
  });

  test('closes an interval left open, with no death, at the run end: a stopped pod still takes itself for active', () => {
    const verdict = checkRun(run({ intervals: [interval('pod-a', 0, null, 1), interval('pod-b', 200, null, 2)], endedAt: 300 }));
    expect(verdict.overlaps.map(({ first, second, lengthMs }) => [first.end, second.end, lengthMs])).toEqual([[300, 300, 100]]);
  });

  test('throws on an interval that ends before it starts', () => {
    expect(() => checkRun(run({ intervals: [interval('pod-a', 100, 50, 1)] }))).toThrow(RangeError);
    expect(() => checkRun(run({ intervals: [interval('pod-a', 100, null, 1)], endedAt: 50 }))).toThrow(/pod-a with token 1 ends at 50/);
  });
});

describe('summarize', () => {
  test('adds up the verdicts of several runs', () => {
    const overlapping = checkRun(
      run({
        intervals: [interval('pod-a', 0, 100, 1), interval('pod-b', 50, 200, 2)],
        writes: [write('pod-b', 2, 80, 'k1'), write('pod-b', 2, 90, 'k1'), write('pod-a', 1, 300, 'k2', false)],
        produced: ['k1', 'k2', 'k3'],
      }),
    );
    expect(summarize([checkRun(handover), overlapping, checkRun(handover)])).toEqual({
      runs: 3,
      failed: 1,
      overlaps: 1,
      effectsOutsideInterval: 0,
      effectsDuringOtherActive: 2,
      lost: 2,
      duplicates: 1,
      duplicateKeys: 1,
      refused: 3,
    });
  });

  test('summarizes no runs as zeros', () => {
    expect(summarize([])).toEqual({
      runs: 0,
      failed: 0,
      overlaps: 0,
      effectsOutsideInterval: 0,
      effectsDuringOtherActive: 0,
      lost: 0,
      duplicates: 0,
      duplicateKeys: 0,
      refused: 0,
    });
  });
});

const PODS = ['pod-a', 'pod-b', 'pod-c'];

/** One active interval after the previous one: which pod, how long after, how long, and the writes in it. */
const stepArbitrary = fc.record({
  // Mostly another pod; now and then the same pod again, as after a regained session.
  podShift: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: PODS.length - 1 }), weight: 4 }),
  // 0: the next active starts the instant the previous one ends.
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000 })),
  length: fc.integer({ min: 1, max: 1_000 }),
  // Where in the interval each write is issued, as a share of its length: 0 and 1 are its ends.
  writesAt: fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 5 }),
  repeatsFirstWrite: fc.boolean(),
  // The previous active, deposed, tries a write in this interval and is refused.
  staleWrite: fc.boolean(),
});

const scenarioArbitrary = fc.record({
  origin: fc.integer({ min: 0, max: 10_000_000 }),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 20 }),
  lastInterval: fc.constantFrom('reported-end', 'open-until-run-end', 'open-until-death'),
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** A run where each pod is active in turn, never two at once, and every effect is issued inside its interval. */
function cleanRun({ origin, steps, lastInterval }: Scenario): RunRecord {
  const intervals: ActiveInterval[] = [];
  const writes: SinkWrite[] = [];
  const produced: string[] = [];
  let podIndex = 0;
  let time = origin;
  steps.forEach((step, index) => {
    podIndex = (podIndex + step.podShift) % PODS.length;
    const pod = PODS[podIndex] ?? 'pod-a';
    const token = index + 1;
    const start = time + step.gap;
    const end = start + step.length;
    const previous = intervals.at(-1);
    if (step.staleWrite && previous !== undefined) writes.push(write(previous.pod, previous.token, start, `stale-${index}`, false));
    step.writesAt.forEach((share, writeIndex) => {
      const key = `k${index}-${writeIndex}`;
      produced.push(key);
      writes.push(write(pod, token, start + share * step.length, key));
      if (step.repeatsFirstWrite && writeIndex === 0) writes.push(write(pod, token, end, key));
    });
    intervals.push(interval(pod, start, end, token));
    time = end;
  });

  const last = intervals.pop();
  if (last === undefined) throw new Error('a scenario has at least one step');
  if (lastInterval === 'reported-end') return { intervals: [...intervals, last], writes, produced, deaths: [], endedAt: time + 10 };
  const open = { ...last, end: null };
  if (lastInterval === 'open-until-run-end') return { intervals: [...intervals, open], writes, produced, deaths: [], endedAt: time };
  return { intervals: [...intervals, open], writes, produced, deaths: [{ pod: last.pod, at: time }], endedAt: time + 500 };
}

describe('checkRun on generated runs', () => {
  test('passes every run with disjoint intervals and effects issued inside them', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const record = cleanRun(scenario);
        const verdict = checkRun(record);
        expect(verdict.overlaps).toEqual([]);
        expect(verdict.effectsOutsideInterval).toEqual([]);
        expect(verdict.effectsDuringOtherActive).toEqual([]);
        expect(verdict.lost).toEqual([]);
        expect(verdict.ok).toBe(true);
        expect(verdict.refused).toBe(record.writes.filter((sent) => !sent.accepted).length);
      }),
      { numRuns: 1_000 },
    );
  });

  test('catches an interval stretched into the next pod interval', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), fc.integer({ min: 1, max: 2_000 }), (scenario, pick, stretchMs) => {
        const record = cleanRun(scenario);
        const closed = checkRun(record).overlaps;
        expect(closed).toEqual([]);
        const nextOfOtherPod = (index: number): number =>
          record.intervals.findIndex((later, laterIndex) => laterIndex > index && later.pod !== record.intervals[index]?.pod);
        const candidates = record.intervals.map((_, index) => index).filter((index) => nextOfOtherPod(index) !== -1);
        fc.pre(candidates.length > 0);
        const stretchedIndex = candidates[pick % candidates.length] ?? 0;
        const next = record.intervals[nextOfOtherPod(stretchedIndex)];
        const stretched = record.intervals[stretchedIndex];
        if (next === undefined || stretched === undefined) throw new Error('the candidates are indices of intervals');
        const nextEnd = next.end ?? record.deaths[0]?.at ?? record.endedAt;

        const intervals = record.intervals.map((original, index) =>
          index === stretchedIndex ? { ...original, end: next.start + stretchMs } : original,
        );
        const verdict = checkRun({ ...record, intervals });
        expect(verdict.ok).toBe(false);
        expect(verdict.overlaps).toContainEqual({
          first: { ...stretched, end: next.start + stretchMs },
          second: { ...next, end: nextEnd },
          intersection: { start: next.start, end: Math.min(next.start + stretchMs, nextEnd) },
          lengthMs: Math.min(next.start + stretchMs, nextEnd) - next.start,
        });
      }),
      { numRuns: 1_000 },
    );
  });
});
