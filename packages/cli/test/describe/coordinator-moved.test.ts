import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { describe, expect, it } from 'vitest';
import { coordinatorMoved } from '../../src/describe/coordinator-moved.js';

const COORDINATOR_LOAD_IN_PROGRESS = 14;
const COORDINATOR_NOT_AVAILABLE = 15;
const NOT_COORDINATOR = 16;
const GROUP_AUTHORIZATION_FAILED = 30;

describe('coordinatorMoved', () => {
  it.each([COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR])('is true for error code %i, also under the retrier', (code) => {
    expect(coordinatorMoved(createErrorFromCode(code))).toBe(true);
    expect(coordinatorMoved(new KafkaJSNumberOfRetriesExceeded(createErrorFromCode(code), { retryCount: 1, retryTime: 100 }))).toBe(true);
  });

  it('is true for a coordinator that refuses or drops connections: its node went down', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE']) {
      expect(coordinatorMoved(new KafkaJSConnectionError(`Connection error: ${code}`, { broker: '10.0.0.3:9092', code }))).toBe(true);
    }
  });

  it('is false for answers another lookup would not change', () => {
    expect(coordinatorMoved(createErrorFromCode(GROUP_AUTHORIZATION_FAILED))).toBe(false);
    expect(coordinatorMoved(new KafkaJSConnectionError('Connection error: self-signed certificate', { broker: '10.0.0.3:9092', code: 'SELF_SIGNED_CERT_IN_CHAIN' }))).toBe(false);
    expect(coordinatorMoved(new Error('the coordinator\'s DescribeGroups response has no group "orders"'))).toBe(false);
    expect(coordinatorMoved(undefined)).toBe(false);
  });
});
