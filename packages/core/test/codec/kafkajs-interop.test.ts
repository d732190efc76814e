import fc from 'fast-check';
import { AssignerProtocol } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../../src/codec/index.js';
import { int32, memberAssignment, subscription, userData, writableVersion } from './arbitraries.js';
import { compareJavaStrings, javaAssignedPartitions } from './java-model.js';

// KafkaJS's own serializers are a second, independent implementation of the v0 fields (it reads no more).
const RUNS = { numRuns: 300 };

function plainBytes(buffer: Buffer | null): Uint8Array | null {
  return buffer === null ? null : new Uint8Array(buffer);
}

describe('interoperation with KafkaJS AssignerProtocol', () => {
  it('KafkaJS reads the topics and user data of our Subscriptions', () => {
    fc.assert(
      fc.property(subscription, writableVersion, (written, version) => {
        const read = AssignerProtocol.MemberMetadata.decode(Buffer.from(encodeSubscription(written, version)));
        expect(read?.version).toBe(version);
        expect(read?.topics).toEqual([...written.topics].sort(compareJavaStrings));
        expect(plainBytes(read?.userData ?? null)).toEqual(written.userData);
      }),
      RUNS,
    );
  });

  it('we read the Subscriptions KafkaJS writes', () => {
    const topics = fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 5 });
    fc.assert(
      fc.property(topics, fc.uint8Array({ maxLength: 8 }), (written, data) => {
        const bytes = AssignerProtocol.MemberMetadata.encode({ version: 0, topics: written, userData: Buffer.from(data) });
        expect(decodeSubscription(bytes)).toEqual({ version: 0, topics: written, userData: data, ownedPartitions: [], generationId: -1, rackId: null });
      }),
      RUNS,
    );
  });

  it('KafkaJS reads our Assignments', () => {
    // KafkaJS decodes an Assignment into a plain object keyed by topic, where a topic named "__proto__" (a
    // legal Kafka name) sets the prototype instead of a key: a KafkaJS limitation, left out here.
    const keyableByKafkaJS = memberAssignment.filter(({ partitions }) => partitions.every(({ topic }) => topic !== '__proto__'));
    fc.assert(
      fc.property(keyableByKafkaJS, writableVersion, (written, version) => {
        const read = AssignerProtocol.MemberAssignment.decode(Buffer.from(encodeAssignment(written, version)));
        const expected = Object.fromEntries(javaAssignedPartitions(written.partitions).map(({ topic, partitions }) => [topic, partitions]));
        expect(read?.version).toBe(version);
        expect(read?.assignment).toEqual(expected);
        expect(plainBytes(read?.userData ?? null)).toEqual(written.userData);
      }),
      RUNS,
    );
  });

  it('we read the Assignments KafkaJS writes', () => {
    const assignment = fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.array(int32, { maxLength: 4 }), { maxKeys: 4 });
    fc.assert(
      fc.property(assignment, userData, (written, data) => {
        const bytes = AssignerProtocol.MemberAssignment.encode({ version: 1, assignment: written, userData: Buffer.from(data ?? []) });
        const partitions = Object.entries(written).map(([topic, values]) => ({ topic, partitions: values }));
        expect(decodeAssignment(bytes)).toEqual({ version: 1, partitions, userData: data ?? new Uint8Array(0) });
      }),
      RUNS,
    );
  });
});
