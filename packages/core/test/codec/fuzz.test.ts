import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsumerProtocolError, decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../../src/codec/index.js';
import { memberAssignment, subscription, writableVersion } from './arbitraries.js';

const RUNS = { numRuns: 2000 };

interface Codec {
  readonly name: 'Subscription' | 'Assignment';
  readonly decode: (bytes: Uint8Array) => { readonly version: number };
  /** Writes a decoded message again, so the decoder's output is checked to be a valid input. */
  readonly reencode: (decoded: never, version: number) => Uint8Array;
}

const codecs: readonly Codec[] = [
  { name: 'Subscription', decode: decodeSubscription, reencode: encodeSubscription },
  { name: 'Assignment', decode: decodeAssignment, reencode: encodeAssignment },
];

/** Decoding either succeeds or throws a ConsumerProtocolError that points inside the input. */
function expectDecodesOrRejects(codec: Codec, bytes: Uint8Array): void {
  let decoded: { readonly version: number };
  try {
    decoded = codec.decode(bytes);
  } catch (error) {
    if (!(error instanceof ConsumerProtocolError)) throw error;
    expect(error.field.startsWith(`${codec.name}.`)).toBe(true);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(bytes.length);
    expect(error.message).toContain(`${error.field}: `);
    expect(error.message).toContain(` at byte ${error.offset} `);
    return;
  }
  try {
    codec.reencode(decoded as never, Math.min(decoded.version, 3));
  } catch (error) {
    // A string of malformed UTF-8 can grow past the 32767-byte limit once its bytes become U+FFFD.
    if (!(error instanceof ConsumerProtocolError) || error.reason !== 'string-too-long') throw error;
  }
}

/** Values that sit on the decoder's boundaries: null markers, negative and huge lengths, versions. */
const int16Token = fc
  .oneof(fc.constantFrom(-32768, -2, -1, 0, 1, 2, 3, 4, 0x7fff), fc.integer({ min: -32768, max: 32767 }))
  .map((value) => {
    const bytes = new Uint8Array(2);
    new DataView(bytes.buffer).setInt16(0, value);
    return bytes;
  });
const int32Token = fc
  .oneof(fc.constantFrom(-(2 ** 31), -2, -1, 0, 1, 2, 3, 4, 2 ** 31 - 1), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }))
  .map((value) => {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, value);
    return bytes;
  });
const shortString = fc.string({ unit: 'binary', maxLength: 4 }).map((text) => {
  const utf8 = new TextEncoder().encode(text);
  const bytes = new Uint8Array(2 + utf8.length);
  new DataView(bytes.buffer).setInt16(0, utf8.length);
  bytes.set(utf8, 2);
  return bytes;
});

/** Byte strings that look like messages: sequences of the tokens a message is made of. */
const tokenStream = fc
  .array(fc.oneof(int16Token, int32Token, shortString, fc.uint8Array({ maxLength: 3 })), { maxLength: 16 })
  .map((tokens) => {
    const bytes = new Uint8Array(tokens.reduce((size, token) => size + token.length, 0));
    let offset = 0;
    for (const token of tokens) {
      bytes.set(token, offset);
      offset += token.length;
    }
    return bytes;
  });

/**
 * One change to a message, at `at` modulo (length + 1), so that changes land anywhere in messages of any
 * size; each kind uses the fields it needs.
 */
interface Mutation {
  readonly kind: 'truncate' | 'set-byte' | 'overwrite' | 'insert' | 'delete';
  readonly at: number;
  readonly byte: number;
  readonly bytes: Uint8Array;
  readonly count: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('truncate', 'set-byte', 'overwrite', 'insert', 'delete'),
  at: fc.nat(),
  byte: fc.constantFrom(0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff),
  bytes: fc.oneof(int16Token, int32Token, fc.uint8Array({ minLength: 1, maxLength: 4 })),
  count: fc.integer({ min: 1, max: 4 }),
});

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const at = change.at % (bytes.length + 1);
  switch (change.kind) {
    case 'truncate':
      return bytes.slice(0, at);
    case 'set-byte': {
      const copy = bytes.slice();
      if (at < copy.length) copy[at] = change.byte;
      return copy;
    }
    case 'overwrite': {
      const copy = bytes.slice();
      copy.set(change.bytes.subarray(0, copy.length - at), at);
      return copy;
    }
    case 'insert': {
      const copy = new Uint8Array(bytes.length + change.bytes.length);
      copy.set(bytes.subarray(0, at));
      copy.set(change.bytes, at);
      copy.set(bytes.subarray(at), at + change.bytes.length);
      return copy;
    }
    case 'delete': {
      const copy = new Uint8Array(Math.max(at, bytes.length - change.count));
      copy.set(bytes.subarray(0, at));
      copy.set(bytes.subarray(at + change.count), at);
      return copy;
    }
  }
}

describe.each(codecs.map((codec) => [codec.name, codec] as const))('%s decoding of arbitrary bytes', (_, codec) => {
  it('decodes or throws a ConsumerProtocolError for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => expectDecodesOrRejects(codec, bytes)),
      RUNS,
    );
  });

  it('decodes or throws a ConsumerProtocolError for sequences of protocol values', () => {
    fc.assert(
      fc.property(tokenStream, (bytes) => expectDecodesOrRejects(codec, bytes)),
      RUNS,
    );
  });
});

describe('decoding of mutated valid encodings', () => {
  const validSubscription = fc.tuple(subscription, writableVersion).map(([written, version]) => encodeSubscription(written, version));
  const validAssignment = fc.tuple(memberAssignment, writableVersion).map(([written, version]) => encodeAssignment(written, version));

  it('decodes or throws a ConsumerProtocolError for mutated Subscriptions', () => {
    fc.assert(
      fc.property(validSubscription, fc.array(mutation, { minLength: 1, maxLength: 4 }), (bytes, changes) => {
        expectDecodesOrRejects(codecs[0]!, changes.reduce(mutate, bytes));
      }),
      RUNS,
    );
  });

  it('decodes or throws a ConsumerProtocolError for mutated Assignments', () => {
    fc.assert(
      fc.property(validAssignment, fc.array(mutation, { minLength: 1, maxLength: 4 }), (bytes, changes) => {
        expectDecodesOrRejects(codecs[1]!, changes.reduce(mutate, bytes));
      }),
      RUNS,
    );
  });
});
