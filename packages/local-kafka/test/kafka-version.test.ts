import { describe, expect, test } from 'vitest';
import { brokerRelease, DEFAULT_KAFKA_VERSION, KafkaVersionError, peerVersion } from '../src/kafka-version.js';

describe('brokerRelease', () => {
  test('defaults to the pinned 4.x release', () => {
    expect(brokerRelease({})).toEqual({ version: DEFAULT_KAFKA_VERSION, line: '4' });
    expect(DEFAULT_KAFKA_VERSION).toMatch(/^4\.\d+\.\d+$/);
  });

  test('takes KAFKA_VERSION, and tells the 3.9 line from 4.x', () => {
    expect(brokerRelease({ KAFKA_VERSION: '3.9.1' })).toEqual({ version: '3.9.1', line: '3.9' });
    expect(brokerRelease({ KAFKA_VERSION: ' 4.1.1 ' })).toEqual({ version: '4.1.1', line: '4' });
    expect(brokerRelease({ KAFKA_VERSION: '' }).version).toBe(DEFAULT_KAFKA_VERSION);
  });

  test.each(['3.8.1', '2.8.2', '4.4', 'latest'])('refuses %s, naming the variable', (version) => {
    expect(() => brokerRelease({ KAFKA_VERSION: version })).toThrow(KafkaVersionError);
    expect(() => brokerRelease({ KAFKA_VERSION: version })).toThrow(`KAFKA_VERSION=${version}`);
  });
});

describe('peerVersion', () => {
  test("follows the broker's release unless KAFKA_PEER_VERSION is set", () => {
    expect(peerVersion({})).toBe(DEFAULT_KAFKA_VERSION);
    expect(peerVersion({ KAFKA_VERSION: '3.9.1' })).toBe('3.9.1');
    expect(peerVersion({ KAFKA_VERSION: '4.4.0', KAFKA_PEER_VERSION: '3.9.1' })).toBe('3.9.1');
  });

  test('refuses clients without group.protocol', () => {
    expect(() => peerVersion({ KAFKA_PEER_VERSION: '3.6.2' })).toThrow('KAFKA_PEER_VERSION=3.6.2');
  });
});
