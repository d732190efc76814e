/**
 * Child process, run with --expose-gc: the peak memory of one of our assignors on one scenario file, apart from
 * any timing. `peak-memory-worker.ts PROTOCOL FILE`: loads the scenario, builds the group, collects garbage,
 * forgets the peak so far, then assigns and encodes every member's assignment once, and reports the peak
 * resident set size of that step.
 */
import { readFile } from 'node:fs/promises';
import { encodeGroupAssignment } from '@kafka-assignors/core';
import { parseScenario, scenarioGroup } from '@kafka-assignors/core/scenario';
import { loadOurAssignor } from '../load-our-assignor.js';
import { ourAssignors } from '../our-assignors.js';
import { peakRssBytes, resetPeakRss } from '../peak-rss.js';
import { sendToParent } from './send-to-parent.js';

const [protocol = '', file = ''] = process.argv.slice(2);
const entry = ourAssignors.find((candidate) => candidate.protocol === protocol);
if (entry === undefined) throw new Error(`no assignor ${protocol} in the registry`);
const loaded = await loadOurAssignor(entry);
if (!('create' in loaded)) throw new Error(loaded.skipped);
const collectGarbage = globalThis.gc;
if (collectGarbage === undefined) throw new Error('run with --expose-gc');

const scenario = parseScenario(await readFile(file, 'utf8'));
const group = scenarioGroup(scenario, () => loaded.create());
const leader = loaded.create();
collectGarbage();
const before = process.memoryUsage();
const peakOfAssignOnly = resetPeakRss();
const assignment = leader.assign(group);
encodeGroupAssignment(assignment);
const heapUsedAfterBytes = process.memoryUsage().heapUsed;

await sendToParent({
  kind: 'peak-memory',
  peakMemory: {
    assignor: protocol,
    rssBeforeBytes: before.rss,
    peakRssBytes: peakRssBytes(),
    peakOfAssignOnly,
    heapUsedBeforeBytes: before.heapUsed,
    heapUsedAfterBytes,
  },
});
