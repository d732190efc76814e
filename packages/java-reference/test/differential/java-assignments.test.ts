import { expect, it } from 'vitest';
import { javaAssignments, type JavaAssignorName } from '@kafka-assignors/java-reference';
import { describeWithJavaReference } from './with-java-reference.js';

describeWithJavaReference('javaAssignments', () => {
  it('answers each scenario of a batch, in order, normalised', async () => {
    const answers = await javaAssignments('range', [
      { topics: [{ name: 't', partitions: 3 }], members: [{ memberId: 'b', topics: ['t'] }, { memberId: 'a', topics: ['t', 'gone'] }] },
      { topics: [], members: [{ memberId: 'c-\u{1F600}', topics: [] }] },
    ]);
    expect(answers).toEqual([
      { assignment: { b: [{ topic: 't', partitions: [2] }], a: [{ topic: 't', partitions: [0, 1] }] } },
      { assignment: { 'c-\u{1F600}': [] } },
    ]);
  });

  it('answers an empty batch', async () => {
    await expect(javaAssignments('roundrobin', [])).resolves.toEqual([]);
  });

  it('names the scenario the Java assignor failed on', async () => {
    // Java's round-robin refuses a group without members (a leader is always a member, so it never meets one).
    const scenarios = [{ topics: [], members: [{ memberId: 'a', topics: [] }] }, { topics: [], members: [] }];
    await expect(javaAssignments('roundrobin', scenarios)).rejects.toThrow(
      'the Java roundrobin assignor failed on scenario 1: java.lang.IllegalArgumentException: CircularIterator can only be used on non-empty lists',
    );
  });

  it('fails with what the JVM said when it stops', async () => {
    const scenario = { topics: [], members: [{ memberId: 'a', topics: [] }] };
    await expect(javaAssignments('uniform' as JavaAssignorName, Array.from({ length: 5000 }, () => scenario))).rejects.toThrow(
      /the Java reference harness exited with code 2:\nusage: JavaReference ASSIGNOR \(one of: cooperative-sticky, range, roundrobin, sticky\)/,
    );
  });
});
