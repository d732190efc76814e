import { describe, expect, it } from 'vitest';
import { activeStandbyAssignor, ActiveStandbyOptionsError, type ActiveStandbyOptions } from '@kafka-assignors/assignor-active-standby';

describe('activeStandbyAssignor options', () => {
  it('has defaults for everything, and the protocol name active-standby, eager', () => {
    const assignor = activeStandbyAssignor();
    expect([assignor.name, assignor.rebalanceProtocols]).toEqual(['active-standby', ['eager']]);
    expect(assignor.roleState()).toEqual({ role: 'standby', designation: 'standby', memberId: null, generationId: -1, activeMemberId: null, activeName: null, leaseExpiresAt: null });
  });

  it('takes an option given as undefined as its default, such as name from an unset environment variable', () => {
    const options: ActiveStandbyOptions = { name: undefined, priority: undefined, eligible: undefined, preempt: undefined };
    expect(activeStandbyAssignor(options).roleState()).toEqual(activeStandbyAssignor().roleState());
    expect(activeStandbyAssignor(options).subscriptionUserData?.({ memberId: null, generationId: -1, assignment: [], topics: ['t'] }))
      .toEqual(activeStandbyAssignor().subscriptionUserData?.({ memberId: null, generationId: -1, assignment: [], topics: ['t'] }));
  });

  it.each([
    [{ priority: 1.5 }, 'priority', 'must be an integer from -2147483648 to 2147483647, not 1.5'],
    [{ priority: 2 ** 31 }, 'priority', 'must be an integer from -2147483648 to 2147483647, not 2147483648'],
    [{ priority: '3' }, 'priority', 'must be an integer from -2147483648 to 2147483647, not 3'],
    [{ name: '' }, 'name', 'must be a non-empty string'],
    [{ name: 7 }, 'name', 'must be a non-empty string'],
    [{ name: 'é'.repeat(20_000) }, 'name', 'must be at most 32767 UTF-8 bytes'],
    [{ eligible: 'yes' }, 'eligible', 'must be a boolean or a function'],
    [{ preempt: 1 }, 'preempt', 'must be a boolean'],
    [{ logger: { info: () => undefined } }, 'logger', 'must have info, warn and error functions'],
    [{ clock: { now: () => 0 } }, 'clock', 'must have now and schedule functions'],
    [{ priorty: 3 }, 'priorty', 'is not an option (priority, name, eligible, preempt, logger, leaseMarginMs, clock)'],
    [null, '(options)', 'must be an object'],
  ])('refuses %j, naming the option', (options, option, problem) => {
    const create = () => activeStandbyAssignor(options as ActiveStandbyOptions);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(expect.objectContaining({ constructor: ActiveStandbyOptionsError, option, message: `activeStandbyAssignor option "${option}" ${problem}` }));
  });

  it('takes the extreme priorities and a function for eligible', () => {
    expect(() => activeStandbyAssignor({ priority: -(2 ** 31), eligible: () => false })).not.toThrow();
    expect(() => activeStandbyAssignor({ priority: 2 ** 31 - 1, name: 'pod-0', preempt: true })).not.toThrow();
  });
});
