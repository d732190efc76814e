import { describe, expect, test } from 'vitest';
import { parsePeerEvent } from '../src/peer-event.js';

describe('parsePeerEvent', () => {
  test('reads each kind of line the Java peer writes', () => {
    expect(parsePeerEvent('{"event":"ready","clientId":"c","groupId":"g"}')).toEqual({ event: 'ready', clientId: 'c', groupId: 'g' });
    expect(
      parsePeerEvent(
        '{"event":"assigned","partitions":[{"topic":"t","partition":0}],"generation":2,"memberId":"c-1","assignment":[{"topic":"t","partition":0},{"topic":"t","partition":3}]}',
      ),
    ).toEqual({
      event: 'assigned',
      partitions: [{ topic: 't', partition: 0 }],
      assignment: [
        { topic: 't', partition: 0 },
        { topic: 't', partition: 3 },
      ],
      generation: 2,
      memberId: 'c-1',
    });
    expect(parsePeerEvent('{"event":"revoked","partitions":[],"generation":-1,"memberId":""}')).toEqual({
      event: 'revoked',
      partitions: [],
      generation: -1,
      memberId: '',
    });
    expect(parsePeerEvent('{"event":"lost","partitions":[],"generation":3,"memberId":"m"}')).toMatchObject({ event: 'lost' });
    expect(parsePeerEvent('{"event":"consumed","records":[{"topic":"t","partition":1,"count":4}]}')).toEqual({
      event: 'consumed',
      records: [{ topic: 't', partition: 1, count: 4 }],
    });
    expect(parsePeerEvent('{"event":"error","message":"boom"}')).toEqual({ event: 'error', message: 'boom' });
    expect(parsePeerEvent('{"event":"stopped"}')).toEqual({ event: 'stopped' });
  });

  test.each([
    ['not JSON', 'SLF4J: something'],
    ['not an object', '[1]'],
    ['an unknown event', '{"event":"joined"}'],
    ['a missing field', '{"event":"assigned","partitions":[],"assignment":[],"memberId":"m"}'],
    ['an assignment without the whole assignment', '{"event":"assigned","partitions":[],"generation":1,"memberId":"m"}'],
    ['a malformed partition', '{"event":"assigned","partitions":[{"topic":"t"}],"assignment":[],"generation":1,"memberId":"m"}'],
    ['a fractional count', '{"event":"consumed","records":[{"topic":"t","partition":0,"count":1.5}]}'],
  ])('rejects %s', (_, line) => {
    expect(() => parsePeerEvent(line)).toThrow();
  });
});
