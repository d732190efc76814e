import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsumerProtocolError, decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../../src/codec/index.js';
import type { Subscription } from '../../src/model.js';
import { memberAssignment, subscription, writableVersion } from './arbitraries.js';
import { compareJavaStrings, javaAssignedPartitions, javaOwnedPartitions } from './java-model.js';

const RUNS = { numRuns: 1000 };

/** What a Java reader gets back from a Subscription the Java client wrote in `version`. */
function expectedSubscription(written: Subscription, version: number) {
  return {
    version,
    topics: [...written.topics].sort(compareJavaStrings),
    userData: written.userData,
    ownedPartitions: version >= 1 ? javaOwnedPartitions(written.ownedPartitions) : [],
    generationId: version >= 2 && written.generationId >= 0 ? written.generationId : -1,
    rackId: version >= 3 && written.rackId !== '' ? written.rackId : null,
  };
}

/** What `run` throws, or undefined; cheaper than an `expect(...).toThrow` for each of many cases. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setInt16(0, version);
  return copy;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

describe('Subscription round trip', () => {
  it('reads back what it writes, in every version, as a Java reader would', () => {
    fc.assert(
      fc.property(subscription, writableVersion, (written, version) => {
        expect(decodeSubscription(encodeSubscription(written, version))).toEqual(expectedSubscription(written, version));
      }),
      RUNS,
    );
  });

  it('writes what it reads back byte for byte (the encoding is canonical)', () => {
    fc.assert(
      fc.property(subscription, writableVersion, (written, version) => {
        // Java reads every negative generation as -1, so only -1 comes back as written.
        const bytes = encodeSubscription({ ...written, generationId: Math.max(written.generationId, -1) }, version);
        expect(encodeSubscription(decodeSubscription(bytes), version)).toEqual(bytes);
      }),
      RUNS,
    );
  });

  it('reads a future version as v3 and ignores what it appends', () => {
    fc.assert(
      fc.property(subscription, fc.integer({ min: 4, max: 0x7fff }), fc.uint8Array({ maxLength: 16 }), (written, version, appended) => {
        const bytes = concat(withVersion(encodeSubscription(written), version), appended);
        expect(decodeSubscription(bytes)).toEqual({ ...expectedSubscription(written, 3), version });
      }),
      RUNS,
    );
  });

  it('fails with a ConsumerProtocolError on every proper prefix of an encoding', () => {
    fc.assert(
      fc.property(subscription, writableVersion, (written, version) => {
        const bytes = encodeSubscription(written, version);
        const failures = Array.from({ length: bytes.length }, (_, length) => thrownBy(() => decodeSubscription(bytes.subarray(0, length))));
        expect(failures.every((failure) => failure instanceof ConsumerProtocolError)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('Assignment round trip', () => {
  it('reads back what it writes, in every version, as a Java reader would', () => {
    fc.assert(
      fc.property(memberAssignment, writableVersion, (written, version) => {
        expect(decodeAssignment(encodeAssignment(written, version))).toEqual({
          version,
          partitions: javaAssignedPartitions(written.partitions),
          userData: written.userData,
        });
      }),
      RUNS,
    );
  });

  it('writes what it reads back byte for byte (the encoding is canonical)', () => {
    fc.assert(
      fc.property(memberAssignment, writableVersion, (written, version) => {
        const bytes = encodeAssignment(written, version);
        expect(encodeAssignment(decodeAssignment(bytes), version)).toEqual(bytes);
      }),
      RUNS,
    );
  });

  it('reads a future version as v3 and ignores what it appends', () => {
    fc.assert(
      fc.property(memberAssignment, fc.integer({ min: 4, max: 0x7fff }), fc.uint8Array({ maxLength: 16 }), (written, version, appended) => {
        const bytes = concat(withVersion(encodeAssignment(written), version), appended);
        expect(decodeAssignment(bytes)).toEqual({ version, partitions: javaAssignedPartitions(written.partitions), userData: written.userData });
      }),
      RUNS,
    );
  });

  it('fails with a ConsumerProtocolError on every proper prefix of an encoding', () => {
    fc.assert(
      fc.property(memberAssignment, writableVersion, (written, version) => {
        const bytes = encodeAssignment(written, version);
        const failures = Array.from({ length: bytes.length }, (_, length) => thrownBy(() => decodeAssignment(bytes.subarray(0, length))));
        expect(failures.every((failure) => failure instanceof ConsumerProtocolError)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('UTF-8', () => {
  const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((codeUnit) => String.fromCharCode(codeUnit)), maxLength: 16 });
  const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

  it('writes any UTF-16 string as TextEncoder would, except unpaired surrogates, which Java writes as ?', () => {
    fc.assert(
      fc.property(codeUnits, (topic) => {
        const bytes = encodeAssignment({ partitions: [{ topic, partitions: [0] }], userData: null });
        const expected = new TextEncoder().encode(topic.replace(unpairedSurrogate, '?'));
        const length = new DataView(bytes.buffer).getInt16(6);
        expect(bytes.subarray(8, 8 + length)).toEqual(expected);
        expect(decodeAssignment(bytes).partitions[0]?.topic).toBe(topic.replace(unpairedSurrogate, '?'));
      }),
      RUNS,
    );
  });
});
