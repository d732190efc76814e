import { describe, expect, it } from 'vitest';
import { encodeStickyUserData } from '@kafka-assignors/assignor-sticky';
import { describeGroup } from '../../src/describe/describe-group.js';
import { formatGroupText } from '../../src/describe/format-group-text.js';
import { activeStandbyGroup, describedGroup, describedMember } from './described-groups.js';

describe('formatGroupText', () => {
  it('shows an active-standby group: a header naming the active, then each member with its role and settings', async () => {
    expect(formatGroupText(await describeGroup(activeStandbyGroup()))).toBe(`\
group           orders-service
state           Stable
protocol        active-standby (protocol type consumer)
members         2
active          pod-a-1 (pod-a)

member pod-a-1
  instance id   -
  client id     pod-a
  client host   /10.0.0.1
  subscription  v3, generation 6, rack -
    topics      orders
    owned       -
    user data   39 bytes, active-standby member v1: priority 20, name pod-a, eligible, last rebalance as pod-a-1 in generation 6, claims the active role, knew an active, held orders
  assignment    v3
    partitions  orders 0, 1
    user data   20 bytes, active-standby role v1: active (kept), active pod-a-1 (pod-a)
  role          active; name pod-a, priority 20, eligible

member pod-b-2
  instance id   pod-b
  client id     pod-b
  client host   /10.0.0.1
  subscription  v3, generation 6, rack -
    topics      orders
    owned       -
    user data   26 bytes, active-standby member v1: priority 10, name -, eligible, last rebalance as pod-b-2 in generation 6, knew an active, held -
  assignment    v3
    partitions  -
    user data   20 bytes, active-standby role v1: standby (kept), active pod-a-1 (pod-a)
  role          standby; name pod-b, priority 10, eligible
`);
  });

  it('shows decoded user data, unreadable bytes with the reason, and user data of an unknown format as hex', async () => {
    const group = describedGroup('sticky', [
      describedMember(
        'a-1',
        { userData: encodeStickyUserData([{ topic: 'orders', partitions: [0, 1] }], 5), generationId: 5, rackId: 'r1', ownedPartitions: [{ topic: 'orders', partitions: [0, 1] }] },
        { partitions: [{ topic: 'orders', partitions: [0, 1] }], userData: null },
      ),
      describedMember('b-2', Buffer.from('000000000001012c6f72', 'hex'), Buffer.from('00', 'hex')),
      describedMember('c-3', { userData: Uint8Array.of(0xff) }, { partitions: [], userData: Uint8Array.of(1, 2) }),
    ]);

    expect(formatGroupText(await describeGroup(group))).toBe(`\
group           orders-service
state           Stable
protocol        sticky (protocol type consumer)
members         3

member a-1
  instance id   -
  client id     a
  client host   /10.0.0.1
  subscription  v3, generation 5, rack r1
    topics      orders
    owned       orders 0, 1
    user data   28 bytes, sticky: previous assignment orders 0, 1; generation 5
  assignment    v3
    partitions  orders 0, 1
    user data   none

member b-2
  instance id   -
  client id     b
  client host   /10.0.0.1
  subscription  unreadable: Subscription.Topics[0]: string length 300 at byte 6 exceeds the 2 bytes left
    bytes       10 bytes: 000000000001012c6f72
  assignment    unreadable: Assignment.Version: int16 version at byte 0 needs 2 bytes but only 1 byte is left
    bytes       1 byte: 00

member c-3
  instance id   -
  client id     c
  client host   /10.0.0.1
  subscription  v3, generation -1, rack -
    topics      orders
    owned       -
    user data   1 byte, not sticky user data (Java leaders read it as no previous assignment): ff
  assignment    v3
    partitions  -
    user data   2 bytes: 0102
`);
  });

  it('says so when a rebalance is under way and the coordinator reports no protocol and no member bytes', async () => {
    const group = describedGroup('', [describedMember('a-1', Buffer.alloc(0), Buffer.alloc(0))], { state: 'PreparingRebalance' });

    const text = formatGroupText(await describeGroup(group));

    expect(text).toContain('protocol        - (protocol type consumer)\n');
    expect(text).toContain('  subscription  none reported (the group is not Stable)\n  assignment    none reported (the group is not Stable)\n');
  });
});
