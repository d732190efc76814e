import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, MalformedGroupError, type Group, type GroupMember } from '@kafka-assignors/core';
import { roundRobinAssignor, type RoundRobinAssignorOptions } from '@kafka-assignors/assignor-roundrobin';

const memberA: GroupMember = { memberId: 'a', groupInstanceId: null, subscription: { topics: ['orders'], userData: null, ownedPartitions: [], generationId: -1, rackId: null } };

describe('roundRobinAssignor refusals', () => {
  it.each<[unknown, string, string]>([
    [{ protocolName: 'round-robin' }, 'options.protocolName', 'must be "roundrobin" or "RoundRobinAssigner", not "round-robin"'],
    [{ protocolname: 'roundrobin' }, 'options.protocolname', 'is not an option (protocolName)'],
    ['RoundRobinAssigner', 'options', 'must be an object, not "RoundRobinAssigner"'],
    [null, 'options', 'must be an object, not null'],
  ])('refuses the options %j, naming the option', (options, argument, problem) => {
    const create = () => roundRobinAssignor(options as RoundRobinAssignorOptions);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(expect.objectContaining({
      constructor: InvalidArgumentError, name: 'InvalidArgumentError', functionName: 'roundRobinAssignor', argument, problem, message: `roundRobinAssignor: ${argument} ${problem}`,
    }));
  });

  it('takes either protocol name, and no options', () => {
    expect(roundRobinAssignor({ protocolName: 'RoundRobinAssigner' }).name).toBe('RoundRobinAssigner');
    expect(roundRobinAssignor(undefined).name).toBe('roundrobin');
  });

  it('refuses a group that repeats a member id, naming the protocol it runs under', () => {
    const group: Group = { members: [memberA, memberA], topics: new Map([['orders', { partitionCount: 3 }]]) };
    expect(() => roundRobinAssignor({ protocolName: 'RoundRobinAssigner' }).assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, name: 'MalformedGroupError', assignorName: 'RoundRobinAssigner', memberId: 'a', field: 'members[1].memberId',
      message: 'the RoundRobinAssigner assignor was given a malformed group: members[1].memberId (member "a") is also the member id of members[0]',
    }));
  });

  it('refuses a negative partition count', () => {
    const group: Group = { members: [memberA], topics: new Map([['orders', { partitionCount: -2 }]]) };
    expect(() => roundRobinAssignor().assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, assignorName: 'roundrobin', field: 'topics.get("orders").partitionCount', problem: 'must be an integer from 0 to 2147483647, not -2',
    }));
  });
});
