import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, MalformedGroupError, type Group, type GroupMember } from '@kafka-assignors/core';
import { rangeAssignor } from '@kafka-assignors/assignor-range';

function member(memberId: string): GroupMember {
  return { memberId, groupInstanceId: null, subscription: { topics: ['orders'], userData: null, ownedPartitions: [], generationId: -1, rackId: null } };
}

describe('rangeAssignor refusals', () => {
  it.each<[unknown, string, string]>([
    [{ foo: 1 }, 'options.foo', 'is not an option: rangeAssignor takes none'],
    [{}, 'options', 'must be left out, not an object: rangeAssignor takes no options'],
    ['member-1', 'options', 'must be left out, not "member-1": rangeAssignor takes no options'],
  ])('refuses the argument %j: it takes none', (options, argument, problem) => {
    const create = () => rangeAssignor(options as never);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(expect.objectContaining({
      constructor: InvalidArgumentError, name: 'InvalidArgumentError', functionName: 'rangeAssignor', argument, problem, message: `rangeAssignor: ${argument} ${problem}`,
    }));
  });

  it('refuses a group that repeats a member id, which would otherwise lose a partition', () => {
    const group: Group = { members: [member('a'), member('b'), member('a')], topics: new Map([['orders', { partitionCount: 3 }]]) };
    expect(() => rangeAssignor().assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, name: 'MalformedGroupError', assignorName: 'range', memberId: 'a', field: 'members[2].memberId',
      message: 'the range assignor was given a malformed group: members[2].memberId (member "a") is also the member id of members[0]',
    }));
  });

  it('refuses a partition count given as a string', () => {
    const group = { members: [member('a')], topics: new Map([['orders', { partitionCount: '2' }]]) } as unknown as Group;
    expect(() => rangeAssignor().assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, memberId: null, field: 'topics.get("orders").partitionCount', problem: 'must be an integer from 0 to 2147483647, not "2"',
    }));
  });
});
