import { describe, expect, it } from 'vitest';
import { MalformedGroupError, type Group } from '@kafka-assignors/core';
import { activeStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { groupMember } from './support/group-builder.js';
import { silentLogger } from './support/recording-logger.js';

describe('activeStandbyAssignor on a malformed group', () => {
  it('refuses a repeated member id', () => {
    const group: Group = { members: [groupMember({ memberId: 'a' }), groupMember({ memberId: 'a', priority: 5 })], topics: new Map([['orders', { partitionCount: 2 }]]) };
    const assign = () => activeStandbyAssignor({ logger: silentLogger }).assign(group);
    expect(assign).toThrow(TypeError);
    expect(assign).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, name: 'MalformedGroupError', assignorName: 'active-standby', memberId: 'a', field: 'members[1].memberId',
      message: 'the active-standby assignor was given a malformed group: members[1].memberId (member "a") is also the member id of members[0]',
    }));
  });

  it('refuses a partition count that is not an integer', () => {
    const group: Group = { members: [groupMember({ memberId: 'a' })], topics: new Map([['orders', { partitionCount: 1.5 }]]) };
    expect(() => activeStandbyAssignor({ logger: silentLogger }).assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, memberId: null, field: 'topics.get("orders").partitionCount', problem: 'must be an integer from 0 to 2147483647, not 1.5',
    }));
  });
});
