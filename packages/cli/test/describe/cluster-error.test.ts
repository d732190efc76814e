import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { describe, expect, it } from 'vitest';
import { clusterErrorFrom } from '../../src/describe/cluster-error.js';

const brokers = ['10.0.0.1:9092', '10.0.0.2:9092'];

describe('clusterErrorFrom', () => {
  it('names the broker that could not be reached, and why, from under the retrier', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 10.0.0.2:9092', { broker: '10.0.0.2:9092', code: 'ECONNREFUSED' });

    expect(clusterErrorFrom(new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 1, retryTime: 100 }), brokers, 'describing group "orders"').message).toBe(
      'cannot reach 10.0.0.2:9092 (ECONNREFUSED)',
    );
    expect(clusterErrorFrom(new KafkaJSConnectionError('Connection timeout', { broker: '10.0.0.1:9092' }), brokers, 'describing group "orders"').message).toBe(
      'cannot reach 10.0.0.1:9092 (Connection timeout)',
    );
  });

  it('names the Kafka error a broker answered with', () => {
    const GROUP_AUTHORIZATION_FAILED = 30;

    expect(clusterErrorFrom(createErrorFromCode(GROUP_AUTHORIZATION_FAILED), brokers, 'describing group "orders"').message).toBe(
      'describing group "orders" on 10.0.0.1:9092,10.0.0.2:9092 failed: GROUP_AUTHORIZATION_FAILED (Not authorized to access group: Group authorization failed)',
    );
  });
});
