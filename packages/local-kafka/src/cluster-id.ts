import { randomBytes } from 'node:crypto';

/**
 * A KRaft cluster id in the form `kafka-storage random-uuid` prints (16 random bytes, base64url, 22 characters),
 * made here to save a JVM start. Like Kafka, it avoids ids starting with '-', which read as a command-line flag.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
