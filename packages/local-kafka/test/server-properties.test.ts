import { describe, expect, test } from 'vitest';
import { renderServerProperties } from '../src/server-properties.js';

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .trimEnd()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
  );
}

describe('renderServerProperties', () => {
  const settings = { brokerPort: 40001, controllerPort: 40002, dataDir: '/tmp/run/data', line: '4' } as const;

  test('describes one combined KRaft node on 127.0.0.1 that votes for itself', () => {
    const properties = parse(renderServerProperties(settings));
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:40002');
    expect(properties.get('listeners')).toBe('PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002');
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:40001');
    expect(properties.get('controller.listener.names')).toBe('CONTROLLER');
    expect(properties.get('log.dirs')).toBe('/tmp/run/data');
  });

  test('sizes internal topics for one node and speeds up groups for tests', () => {
    const properties = parse(renderServerProperties(settings));
    expect(Object.fromEntries(properties)).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'offsets.topic.num.partitions': '1',
      'group.initial.rebalance.delay.ms': '0',
      'group.min.session.timeout.ms': '1000',
      'auto.create.topics.enable': 'false',
    });
  });

  test('lets overrides replace defaults and add keys, each key once', () => {
    const text = renderServerProperties({
      ...settings,
      overrides: { 'group.initial.rebalance.delay.ms': 500, 'group.max.size': 3 },
    });
    const properties = parse(text);
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('500');
    expect(properties.get('group.max.size')).toBe('3');
    expect(text.match(/^group\.initial\.rebalance\.delay\.ms=/gm)).toHaveLength(1);
  });

  test('4.x: sizes the share-group state topic too, and quickens consumer-protocol heartbeats', () => {
    const voters = [1, 2, 3].map((nodeId) => ({ nodeId, controllerPort: 40010 + nodeId }));
    const properties = parse(renderServerProperties({ ...settings, voters }));
    expect(Object.fromEntries(properties)).toMatchObject({
      'share.coordinator.state.topic.replication.factor': '3',
      'share.coordinator.state.topic.min.isr': '2',
      'group.consumer.heartbeat.interval.ms': '1000',
    });
  });

  test('3.9: leaves out the settings only 4.x knows', () => {
    const keys = [...parse(renderServerProperties({ ...settings, line: '3.9' })).keys()];
    expect(keys.filter((key) => key.startsWith('share.') || key.startsWith('group.consumer.'))).toEqual([]);
    expect(keys).toContain('offsets.topic.replication.factor');
  });
});
