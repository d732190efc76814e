// `npm run bench:rolling-restart`: a rolling restart of three pods on 24 partitions under a steady producer, on a
// local broker, for KafkaJS with `sticky` (eager) and @platformatic/kafka with `cooperative-sticky`, alternating,
// RUNS times each; writes bench/results/rolling-restart.{json,md}.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brokerRelease, parseBrokerList, PLATFORMATIC_NODE_VERSION, runRollingRestart, startKafka, STALL_INTERVALS, type RollingRestartRun } from '@kafka-assignors/local-kafka';
import { machineInfo } from '../machine-info.js';
import { rollingRestartReport, type RollingRestartResults } from './rolling-restart-report.js';

const RUNS = 3;
const SETUP = { partitions: 24, pods: 3, produceIntervalMs: 50 } as const;
const RESULTS = fileURLToPath(new URL('../../results/', import.meta.url));

const kafka = await startKafka();
try {
  const brokers = parseBrokerList(kafka.brokers);
  const runs: RollingRestartRun[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const client of ['KafkaJS', 'platformatic'] as const) {
      const result = await runRollingRestart({ brokers, client, protocol: client === 'KafkaJS' ? 'sticky' : 'cooperative-sticky', ...SETUP });
      process.stderr.write(`run ${run}/${RUNS}, ${client} ${result.protocol}: done in ${(result.durationMs / 1000).toFixed(1)} s\n`);
      runs.push(result);
    }
  }
  const results: RollingRestartResults = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    kafka: brokerRelease().version,
    platformaticNode: PLATFORMATIC_NODE_VERSION,
    setup: { ...SETUP, stallThresholdMs: STALL_INTERVALS * SETUP.produceIntervalMs },
    runs,
  };
  await writeFile(`${RESULTS}rolling-restart.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${RESULTS}rolling-restart.md`, rollingRestartReport(results));
  process.stderr.write(`wrote ${RESULTS}rolling-restart.{json,md}\n`);
} finally {
  await kafka.stop();
}
