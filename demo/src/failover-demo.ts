import type { RunningKafka } from '@kafka-assignors/local-kafka';
import { demoKafka } from './demo-kafka.js';
import { PodGroup } from './pod-group.js';
import { RECOMMENDED_FAILOVER_SETTINGS, type PodClient } from './pod-settings.js';
import type { PodEvent } from './pod-event.js';
import { podTable } from './pod-table.js';
import type { Pod } from './start-pod.js';

/**
 * `npm run demo [-- --client platformatic]`: three pods share one consumer group under the active-standby assignor on a local broker (or
 * the cluster in KAFKA_BROKERS). One processes everything while the others stand by; the demo kills the active
 * with SIGKILL and shows how long the group takes to fail over, then stops the new active cleanly to show a
 * handover, and checks that no message was lost. KAFKA_SSL, KAFKA_SASL_MECHANISM and the other variables of the CLI
 * say how to reach a secured KAFKA_BROKERS cluster; the pods read them too. The pods run KafkaJS, or with
 * `--client platformatic` @platformatic/kafka (on Node 22, which the first run installs with npm).
 */
const SESSION_SECONDS = RECOMMENDED_FAILOVER_SETTINGS.sessionTimeout / 1000;
const client = podClient(process.argv.slice(2));
const CLIENT_NAMES = { kafkajs: 'KafkaJS', platformatic: '@platformatic/kafka' } as const;
const becameActive = (event: PodEvent): event is Extract<PodEvent, { event: 'role' }> => event.event === 'role' && event.role === 'active';

let kafka: RunningKafka | undefined;
let group: PodGroup | undefined;
const view = liveView();

try {
  say('kafka-assignors failover demo');
  say('Three pods share one consumer group id. The active-standby assignor gives every partition to one of them,');
  say('the active; the others stand by with nothing to do, and take over when it goes.');
  say(`The pods run ${CLIENT_NAMES[client]}.\n`);

  const cluster = await demoKafka(say);
  kafka = cluster.kafka;
  say(`Kafka is at ${kafka.brokers}.`);

  group = await PodGroup.create({ ...cluster.connection, client });
  say(`Topic ${group.topic} (6 partitions), group ${group.groupId}.\n`);
  const pods: Pod[] = [];
  for (const [name, priority] of [['pod-a', 30], ['pod-b', 20], ['pod-c', 10]] as const) {
    say(`Starting ${name} (priority ${priority}) as its own process...`);
    pods.push(await group.start(name, priority));
  }
  const [first, second, third] = pods as [Pod, Pod, Pod];
  await first.waitFor(becameActive);

  say('\nA producer now sends a few hundred messages a second. Only the active pod processes them:');
  group.startProduction();
  await view.show(pods, group, 5_000);

  say(`\nKilling the active pod, pod-a (pid ${first.pid}), with SIGKILL: it cannot leave the group, so the group`);
  say(`coordinator notices only when its session times out (${SESSION_SECONDS} s with the recommended settings).`);
  const killedAt = Date.now();
  first.signal('SIGKILL');
  const takeover = await view.showUntil(pods, group, second.waitFor(becameActive, 60_000));
  say(`\npod-b took over ${seconds(takeover.at - killedAt)} after the kill (${takeover.reason}, generation ${takeover.generationId}):`);
  say(`pod-b comes next because it has the highest priority of those left; pod-c stays on standby.`);
  await view.show(pods, group, 4_000);

  say(`\nStopping pod-b cleanly (SIGTERM: ${CLIENT_NAMES[client]} leaves the group), so pod-c takes over at once:`);
  const stoppedAt = Date.now();
  const stopped = second.stop();
  const handover = await view.showUntil(pods, group, third.waitFor(becameActive, 60_000));
  await stopped;
  say(`\npod-c took over ${seconds(handover.at - stoppedAt)} after the stop.`);

  const produced = await group.stopProduction();
  const processed = () => pods.flatMap((pod) => pod.processedKeys());
  await third.waitFor(() => new Set(processed()).size === produced, 60_000);
  const duplicates = processed().length - produced;
  view.print(pods, group);
  say(`\nAll ${produced.toLocaleString('en')} messages were processed; ${duplicates} twice.`);
  say('Delivery is at-least-once: messages the killed pod processed after its last offset commit are processed');
  say('again by its successor. Use the generation id of the role change as a fencing token downstream.');
} catch (error) {
  say(`\nThe demo failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  say('\nStopping the pods and the broker...');
  await group?.close();
  await kafka?.stop();
  say('Done.');
}

/** `--client kafkajs` (the default) or `--client platformatic`. */
function podClient(args: readonly string[]): PodClient {
  const index = args.indexOf('--client');
  if (index === -1) return 'kafkajs';
  const value = args[index + 1];
  if (value === 'kafkajs' || value === 'platformatic') return value;
  process.stderr.write(`--client takes kafkajs or platformatic, not ${value ?? 'nothing'}\n`);
  process.exit(2);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The pod table, redrawn in place on a terminal; printed now and then otherwise, so logs stay readable. */
function liveView() {
  const interactive = process.stdout.isTTY;
  let linesDrawn = 0;
  const draw = (pods: readonly Pod[], podGroup: PodGroup) => {
    const table = podTable(pods, podGroup.producedCount);
    if (interactive && linesDrawn > 0) process.stdout.write(`\x1b[${linesDrawn}A\x1b[J`);
    process.stdout.write(`${table}\n`);
    linesDrawn = table.split('\n').length;
  };
  const refresh = async <T>(pods: readonly Pod[], podGroup: PodGroup, until: Promise<T>): Promise<T> => {
    linesDrawn = 0;
    draw(pods, podGroup);
    const timer = setInterval(() => draw(pods, podGroup), interactive ? 250 : 2_000);
    try {
      return await until;
    } finally {
      clearInterval(timer);
      if (interactive) draw(pods, podGroup);
    }
  };
  return {
    print: (pods: readonly Pod[], podGroup: PodGroup) => {
      linesDrawn = 0;
      draw(pods, podGroup);
    },
    show: (pods: readonly Pod[], podGroup: PodGroup, ms: number) => refresh(pods, podGroup, new Promise((resolve) => setTimeout(resolve, ms))),
    showUntil: <T>(pods: readonly Pod[], podGroup: PodGroup, event: Promise<T>) => refresh(pods, podGroup, event),
  };
}
