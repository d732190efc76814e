import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { ensureBrokerBuild, type BrokerBuild } from './broker-build.js';
import { newClusterId } from './cluster-id.js';
import { freePorts } from './free-port.js';
import { KafkaNodeProcess } from './kafka-node.js';
import { logTail } from './log-tail.js';
import { requireTools } from './require-tools.js';
import { newSecuredUsers, type SecuredListeners } from './secured/secured-listeners.js';
import { makeTestCertificates } from './secured/test-certificates.js';
import { waitForKafka } from './wait-for-kafka.js';

export interface StartKafkaClusterOptions {
  /** How many nodes, each a combined KRaft broker and controller; default 1. */
  readonly nodes?: number;
  /**
   * Names of further PLAINTEXT listeners, each bound on every node and advertised at another port, where the
   * caller runs a proxy to it (a fault proxy per client, say): a client bootstrapping on one is sent to that
   * listener's advertised ports of every node, so all its traffic goes through those proxies.
   */
  readonly proxiedListeners?: readonly string[];
  /** How long the cluster may take to answer client requests; default 90 s (a cold JVM on a busy 2-core VM). */
  readonly timeoutMs?: number;
  /** Extra or overriding `server.properties` entries of every node, e.g. `{ 'group.max.size': 3 }`. */
  readonly serverProperties?: Readonly<Record<string, string | number | boolean>>;
  /**
   * A SASL_SSL listener (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) and a mutual-TLS listener on every node, besides
   * PLAINTEXT, with a CA, certificates and users made for this run; needs openssl. Default false.
   */
  readonly secured?: boolean;
}

/** A proxied listener of one node: where it is bound, and where clients are told to connect. */
export interface ProxiedListenerPorts {
  readonly port: number;
  readonly advertisedPort: number;
}

export interface KafkaClusterNode {
  readonly nodeId: number;
  /** `127.0.0.1:<port>` of its PLAINTEXT listener. */
  readonly address: string;
  /** Its log, kept after stop(). */
  readonly logFile: string;
  readonly listeners: Readonly<Record<string, ProxiedListenerPorts>>;
  /** SIGKILL, as a crash; its data stays. */
  kill(): Promise<void>;
  /** Starts it again on the same data and ports; resolves once the cluster lists it among its brokers. */
  restart(): Promise<void>;
}

export interface KafkaCluster {
  /** Bootstrap servers as `host:port[,host:port...]`, on the PLAINTEXT listeners (no proxy). */
  readonly brokers: string;
  /** The Kafka release every node runs, e.g. `4.4.0` (`KAFKA_VERSION`). */
  readonly release: string;
  readonly nodes: readonly KafkaClusterNode[];
  /** The secured listeners, and what it takes to reach them, of a cluster started with `secured: true`. */
  readonly secured?: SecuredListeners;
  /** The advertised addresses of a proxied listener on every node. */
  bootstrapFor(listener: string): string[];
  /** The node coordinating every group: the leader of `__consumer_offsets`, which has a single partition. */
  coordinatorNodeId(): Promise<number>;
  /** Stops every node (SIGTERM, then SIGKILL after a grace period) and removes their data and TLS keys. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 90_000;
const LOG_TAIL_LINES = 60;
const PORT_ATTEMPTS = 3;
const POLL_MS = 250;
const HOST = '127.0.0.1';

class PortTakenError extends Error {}

/**
 * Starts a KRaft cluster of combined broker and controller nodes on free 127.0.0.1 ports, in a fresh temporary
 * folder with one folder per node, and resolves once every node is a broker of the cluster. The nodes also
 * shut down if this process dies.
 */
export async function startKafkaCluster(options: StartKafkaClusterOptions = {}): Promise<KafkaCluster> {
  const build = await ensureBrokerBuild();
  requireTools(['java']);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(build, options);
    } catch (error) {
      // A port picked as free can be taken by another process before the broker binds it; new ports fix that.
      if (!(error instanceof PortTakenError) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

async function launch(build: BrokerBuild, options: StartKafkaClusterOptions): Promise<KafkaCluster> {
  const nodeCount = options.nodes ?? 1;
  const listenerNames = options.proxiedListeners ?? [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const runDir = await mkdtemp(join(tmpdir(), 'local-kafka-'));
  // Its own folder, removed with the data on stop: the log stays, the keys do not.
  const tlsDir = join(runDir, 'tls');
  const secured = options.secured === true ? await securedRun(tlsDir) : undefined;
  const ports = await freePorts(nodeCount * (2 + 2 * listenerNames.length + (secured === undefined ? 0 : 2)));
  const take = (): number => ports.pop() as number;
  const layouts = Array.from({ length: nodeCount }, (_, index) => ({
    nodeId: index + 1,
    brokerPort: take(),
    controllerPort: take(),
    listeners: listenerNames.map((name) => ({ name, port: take(), advertisedPort: take() })),
    secured: secured === undefined ? undefined : { ...secured, saslSslPort: take(), mutualTlsPort: take() },
  }));
  const voters = layouts.map(({ nodeId, controllerPort }) => ({ nodeId, controllerPort }));
  const processes = await Promise.all(
    layouts.map(async (layout) => {
      const nodeDir = nodeCount === 1 ? runDir : join(runDir, `node-${layout.nodeId}`);
      await mkdir(nodeDir, { recursive: true });
      return new KafkaNodeProcess(build, nodeDir, {
        brokerPort: layout.brokerPort,
        controllerPort: layout.controllerPort,
        nodeId: layout.nodeId,
        voters,
        proxiedListeners: layout.listeners,
        ...(options.serverProperties ? { overrides: options.serverProperties } : {}),
        ...(layout.secured === undefined ? {} : { secured: layout.secured }),
      });
    }),
  );
  const addresses = layouts.map(({ brokerPort }) => `${HOST}:${brokerPort}`);
  const exited = new AbortController();
  const failure = async (reason: string, cause?: unknown): Promise<Error> => {
    await Promise.all(processes.map((node) => node.stop()));
    await Promise.all(processes.map((node) => node.removeData()));
    await rm(tlsDir, { recursive: true, force: true });
    const logs = await Promise.all(processes.map(async ({ logFile }) => `Last lines of ${logFile}:\n${await logTail(logFile, LOG_TAIL_LINES)}`));
    const message = `Kafka did not start: ${reason}\n${logs.join('\n')}`;
    const texts = await Promise.all(processes.map(({ logFile }) => readFile(logFile, 'utf8').catch(() => '')));
    return texts.some((text) => text.includes('Address already in use')) ? new PortTakenError(message, { cause }) : new Error(message, { cause });
  };

  try {
    const clusterId = newClusterId();
    await Promise.all(processes.map((node) => node.format(clusterId)));
    await Promise.all(processes.map((node) => node.start(exited)));
    await waitForKafka(addresses, { timeoutMs, signal: exited.signal });
    await waitForBrokers(addresses, layouts.map(({ nodeId }) => nodeId), timeoutMs);
  } catch (error) {
    throw await failure((error as Error).message, error);
  }

  const admin = () => new Kafka({ clientId: 'local-kafka-cluster', brokers: addresses, logLevel: logLevel.NOTHING }).admin();
  let stopped: Promise<void> | undefined;
  const securedAddresses = (port: 'saslSslPort' | 'mutualTlsPort'): string => layouts.map((layout) => `${HOST}:${layout.secured?.[port] ?? 0}`).join(',');
  return {
    brokers: addresses.join(','),
    release: build.release.version,
    ...(secured === undefined ? {} : { secured: { ...secured, saslSsl: securedAddresses('saslSslPort'), mutualTls: securedAddresses('mutualTlsPort') } }),
    nodes: layouts.map((layout, index) => {
      const node = processes[index] as KafkaNodeProcess;
      return {
        nodeId: layout.nodeId,
        address: `${HOST}:${layout.brokerPort}`,
        logFile: node.logFile,
        listeners: Object.fromEntries(layout.listeners.map(({ name, port, advertisedPort }) => [name, { port, advertisedPort }])),
        kill: () => node.kill(),
        restart: async () => {
          await node.start(new AbortController());
          await waitForBrokers(addresses, [layout.nodeId], timeoutMs);
        },
      };
    }),
    bootstrapFor: (listener) =>
      layouts.map(({ listeners }) => {
        const found = listeners.find(({ name }) => name === listener);
        if (found === undefined) throw new Error(`the cluster has no listener ${listener} (it has ${listenerNames.join(', ') || 'none'})`);
        return `${HOST}:${found.advertisedPort}`;
      }),
    coordinatorNodeId: async () => {
      const client = admin();
      await client.connect();
      try {
        const { topics } = await client.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
        const leader = topics[0]?.partitions.find(({ partitionId }) => partitionId === 0)?.leader;
        if (leader === undefined || leader < 0) throw new Error('__consumer_offsets has no leader');
        return leader;
      } finally {
        await client.disconnect();
      }
    },
    stop: () =>
      (stopped ??= (async () => {
        await Promise.all(processes.map((node) => node.stop()));
        await Promise.all(processes.map((node) => node.removeData()));
        await rm(tlsDir, { recursive: true, force: true });
      })()),
  };
}

/** The CA, certificates and users of a secured cluster, made in `dir`. */
async function securedRun(dir: string): Promise<Pick<SecuredListeners, 'certificates' | 'users'>> {
  await mkdir(dir);
  return { certificates: await makeTestCertificates(dir), users: newSecuredUsers() };
}

/** Resolves once the cluster lists every one of `nodeIds` among its brokers. */
async function waitForBrokers(addresses: readonly string[], nodeIds: readonly number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const kafka = new Kafka({ clientId: 'local-kafka-cluster', brokers: [...addresses], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const { brokers } = await admin.describeCluster();
      if (nodeIds.every((nodeId) => brokers.some((broker) => broker.nodeId === nodeId))) return;
    } catch {
      // Not answering yet: try again until the deadline.
    } finally {
      await admin.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`brokers ${nodeIds.join(', ')} did not join the cluster within ${timeoutMs} ms`);
    await delay(POLL_MS);
  }
}
