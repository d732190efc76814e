import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, MalformedGroupError, type Assignor, type Group, type GroupMember } from '@kafka-assignors/core';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';

function member(memberId: string, topics: readonly unknown[] = ['orders']): GroupMember {
  return { memberId, groupInstanceId: null, subscription: { topics: topics as string[], userData: null, ownedPartitions: [], generationId: -1, rackId: null } };
}

const factories: [string, string, (options?: never) => Assignor][] = [
  ['stickyAssignor', 'sticky', stickyAssignor],
  ['cooperativeStickyAssignor', 'cooperative-sticky', cooperativeStickyAssignor],
];

describe.each(factories)('%s refusals', (functionName, protocol, create) => {
  it.each<[unknown, string, string]>([
    [{ rackAware: true }, 'options.rackAware', `is not an option: ${functionName} takes none`],
    [{}, 'options', `must be left out, not an object: ${functionName} takes no options`],
    [3, 'options', `must be left out, not 3: ${functionName} takes no options`],
  ])('refuses the argument %j: it takes none', (options, argument, problem) => {
    const createWithOptions = () => create(options as never);
    expect(createWithOptions).toThrow(TypeError);
    expect(createWithOptions).toThrow(expect.objectContaining({
      constructor: InvalidArgumentError, name: 'InvalidArgumentError', functionName, argument, problem, message: `${functionName}: ${argument} ${problem}`,
    }));
  });

  it('refuses a group that repeats a member id', () => {
    const group: Group = { members: [member('b'), member('a'), member('b')], topics: new Map([['orders', { partitionCount: 4 }]]) };
    expect(() => create().assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, name: 'MalformedGroupError', assignorName: protocol, memberId: 'b', field: 'members[2].memberId',
      message: `the ${protocol} assignor was given a malformed group: members[2].memberId (member "b") is also the member id of members[0]`,
    }));
  });

  it('refuses a subscription with a topic that is not a string', () => {
    const group: Group = { members: [member('a', ['orders', null])], topics: new Map([['orders', { partitionCount: 4 }]]) };
    expect(() => create().assign(group)).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, memberId: 'a', field: 'members[0].subscription.topics[1]', problem: 'must be a topic name (a string), not null',
    }));
  });
});
