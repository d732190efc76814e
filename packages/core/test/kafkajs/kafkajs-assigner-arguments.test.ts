import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, kafkajsAssigner, type Assignor, type KafkaJSAssignerOptions } from '@kafka-assignors/core';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';

function rangeAssignor(): Assignor {
  return { ...perTopicRoundRobinAssignor(), name: 'range' };
}

describe('kafkajsAssigner, called from JavaScript with arguments it cannot use', () => {
  it.each<[string, unknown, string, string]>([
    ['no assignor', undefined, 'assignor', 'must be an Assignor (such as rangeAssignor()), not undefined'],
    ['the factory instead of its assignor', rangeAssignor, 'assignor', 'is the function rangeAssignor, not an Assignor: pass rangeAssignor(), not rangeAssignor'],
    ['an anonymous factory', () => rangeAssignor(), 'assignor', 'is a function, not an Assignor: pass the assignor it returns'],
    ['an object that is no Assignor', {}, 'assignor', 'is not an Assignor: it needs a string name and an assign function'],
    ['an assignor without a name', { ...rangeAssignor(), name: '' }, 'assignor.name', 'must be a non-empty string (the protocol name), not ""'],
    ['an assignor whose assign is not a function', { ...rangeAssignor(), assign: 'range' }, 'assignor.assign', 'must be a function, not "range"'],
    ['an assignor without rebalance protocols', { name: 'x', assign: () => new Map() }, 'assignor.rebalanceProtocols', 'must list "eager", "cooperative" or both, not undefined'],
    ['an unknown rebalance protocol', { ...rangeAssignor(), rebalanceProtocols: ['eagre'] }, 'assignor.rebalanceProtocols', 'must list "eager", "cooperative" or both, not an array'],
    ['a member hook that is not a function', { ...rangeAssignor(), onAssignment: true }, 'assignor.onAssignment', 'must be a function or absent, not true'],
  ])('refuses %s when it is created', (_, assignor, argument, problem) => {
    const create = () => kafkajsAssigner(assignor as Assignor);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(expect.objectContaining({
      constructor: InvalidArgumentError, name: 'InvalidArgumentError', functionName: 'kafkajsAssigner', argument, problem, message: `kafkajsAssigner: ${argument} ${problem}`,
    }));
  });

  it.each<[unknown, string, string]>([
    [{ protocolVersion: 9 }, 'options.protocolVersion', 'must be 0, 1, 2 or 3, not 9'],
    [{ protocolVersion: '3' }, 'options.protocolVersion', 'must be 0, 1, 2 or 3, not "3"'],
    [{ rackId: 5 }, 'options.rackId', 'must be a string, not 5'],
    [{ rackId: 'r1', protocolVersion: 2 }, 'options.rackId', 'travels in consumer-protocol version 3 only, not 2'],
    [{ rackid: 'a' }, 'options.rackid', 'is not an option (rackId, protocolVersion, clock)'],
    [{ clock: { schedule: () => () => undefined } }, 'options.clock', 'must be a Clock, with a now() function, not an object'],
    [{ clock: Date.now }, 'options.clock', 'must be a Clock, with a now() function, not the function now'],
    ['r1', 'options', 'must be an object, not "r1"'],
    [null, 'options', 'must be an object, not null'],
  ])('refuses the options %j when it is created', (options, argument, problem) => {
    expect(() => kafkajsAssigner(rangeAssignor(), options as KafkaJSAssignerOptions)).toThrow(expect.objectContaining({
      constructor: InvalidArgumentError, argument, problem, message: `kafkajsAssigner: ${argument} ${problem}`,
    }));
  });

  it('takes every option it knows, options given as undefined, and no options', () => {
    expect(() => kafkajsAssigner(rangeAssignor(), { rackId: 'r1', protocolVersion: 3, clock: { now: () => 0, schedule: () => () => undefined } })).not.toThrow();
    expect(() => kafkajsAssigner(rangeAssignor(), { rackId: undefined, protocolVersion: undefined })).not.toThrow();
    expect(() => kafkajsAssigner(rangeAssignor(), undefined)).not.toThrow();
    expect(() => kafkajsAssigner(rangeAssignor())).not.toThrow();
  });
});
