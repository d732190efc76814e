import { activeStandbyAssignor, serveRole, type ActiveStandbyAssignor, type RoleEndpoint } from '@kafka-assignors/assignor-active-standby';
import { kafkajsAssigner } from '@kafka-assignors/core';
import { Kafka, logLevel, type Consumer, type logCreator } from 'kafkajs';
import { clusterErrorFrom } from '../connection/cluster-error.js';
import { securityProtocol } from '../connection/kafka-connection.js';
import { SidecarError } from './sidecar-error.js';
import { sidecarLine, type SidecarLine } from './sidecar-line.js';
import type { SidecarSettings } from './sidecar-options.js';

/** The settings the active-standby README recommends for a fast failover: a crashed active is replaced in about 11 s. */
const RECOMMENDED_CONSUMER_SETTINGS = { sessionTimeout: 10_000, heartbeatInterval: 1_000, rebalanceTimeout: 30_000, maxWaitTimeInMs: 1_000 };

/** What the sidecar needs of the world. */
export interface SidecarSurroundings {
  /** Writes to standard output at once. */
  write(text: string): void;
  /** Aborted to leave the group and end (SIGTERM, SIGINT). */
  readonly stop: AbortSignal;
}

/**
 * `kafka-assignors sidecar`: one member of an active-standby group that serves its role over HTTP and processes
 * nothing, for an app in another language that consumes the topics itself while the role endpoint says active.
 * Resolves once it has left the group cleanly after `stop`; throws a ClusterError when it cannot join, and a
 * SidecarError when its port is taken or its consumer crashes for good.
 */
export async function runSidecar(settings: SidecarSettings, surroundings: SidecarSurroundings): Promise<void> {
  const say = (line: SidecarLine) => surroundings.write(sidecarLine(line));
  const assignor = activeStandbyAssignor({ name: settings.name, priority: settings.priority });
  assignor.on('roleChange', (change) => say({ event: 'roleChange', ...change }));
  const kafka = new Kafka({ clientId: settings.name ?? 'kafka-assignors-sidecar', ...settings.connection, logLevel: logLevel.WARN, logCreator: logLines(say) });
  const consumer = kafka.consumer({ groupId: settings.groupId, partitionAssigners: [kafkajsAssigner(assignor)], ...RECOMMENDED_CONSUMER_SETTINGS });
  // The member must hold every partition (that is how the group knows who is active), but the app consumes them.
  // KafkaJS fetches whatever it is assigned unless paused, and keeps a paused topic paused across rebalances, but
  // forgets it when it restarts after a crash; GROUP_JOIN comes at the end of every join, before any fetch.
  const topics = settings.topics.map((topic) => ({ topic }));
  consumer.on(consumer.events.GROUP_JOIN, () => consumer.pause(topics));
  const crashed = new Promise<Error>((resolve) => {
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) resolve(payload.error);
    });
  });

  const endpoint = await listen(assignor, settings, consumer);
  const { brokers } = settings.connection;
  say({ event: 'serving', url: endpoint.url, brokers, security: securityProtocol(settings.connection), groupId: settings.groupId, topics: settings.topics, name: settings.name ?? null, priority: settings.priority });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...settings.topics] });
    // Nothing is fetched, so nothing is handled and, without auto-commit, nothing committed: the app's group owns the offsets.
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: () => Promise.resolve() });
  } catch (error) {
    await Promise.allSettled([consumer.disconnect(), endpoint.close()]);
    throw clusterErrorFrom(error, settings.connection, `joining group "${settings.groupId}"`);
  }

  const crash = await Promise.race([stopped(surroundings.stop).then(() => null), crashed]);
  if (crash !== null) {
    // KafkaJS has disconnected the consumer, but the endpoint stays open after a crash (for /healthz, in an app that
    // lives on); the sidecar exits instead, so that its container restarts and joins again.
    await endpoint.close();
    throw new SidecarError(`the consumer crashed and KafkaJS does not restart it: ${crash.message}`);
  }
  say({ event: 'stopping' });
  // LeaveGroup: the next member by priority is active within a rebalance instead of a session timeout.
  await consumer.disconnect();
  await endpoint.close();
  say({ event: 'left' });
}

async function listen(assignor: ActiveStandbyAssignor, settings: SidecarSettings, consumer: Consumer): Promise<RoleEndpoint> {
  try {
    return await serveRole(assignor, { host: settings.host, port: settings.port, consumer });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new SidecarError(`cannot serve the role on ${settings.host}:${settings.port} (${code ?? message})`);
  }
}

function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** KafkaJS' log entries (warnings and errors, the assignor's among them) as lines of the sidecar's output. */
function logLines(say: (line: SidecarLine) => void): logCreator {
  return () =>
    ({ namespace, label, log }) => {
      const { message, ...fields } = log;
      say({ event: 'log', level: label.toLowerCase(), namespace, message, ...fields });
    };
}
