/** The fixed-size integers of the classic Kafka encoding that the formats of this project use. */
export type WireInteger = 'int8' | 'int16' | 'int32';

/** What a length or count in front of other bytes measures. */
export type WireLengthRole = 'string length' | 'bytes length' | 'array count';

/** The parts of a fault every reason has. */
interface FaultPlace {
  /** The path of the value at fault, e.g. `Subscription.Topics[2]` or `held topics[0]`. */
  readonly field: string;
  /** The byte offset where the value starts; when writing, where it would have been written. */
  readonly offset: number;
}

/**
 * Why WireReader could not read a value, or WireWriter could not write one, with what each format needs to
 * word its own error:
 *
 * - `truncated`: a fixed-size integer (a field, the version, or a length or count in front of other bytes)
 *   runs past the end of the bytes.
 * - `unexpected-null`: a non-nullable value has length or count -1, the encoding of null.
 * - `negative-length`: a length or count is negative and not the null marker -1.
 * - `length-exceeds-buffer`: a length or count is larger than the bytes left after it (an array count is
 *   compared with the byte count, as Java's readers do).
 * - `string-too-long`: (write) a string takes more UTF-8 bytes than its int16 length can say.
 * - `not-int32`: (write) a value is not an integer in the int32 range.
 */
export type WireFault = FaultPlace &
  (
    | {
        readonly reason: 'truncated';
        readonly integer: WireInteger;
        /** What the integer is when it is not a field of its own. */
        readonly role: 'version' | WireLengthRole | null;
        /** The bytes the integer takes. */
        readonly needed: number;
        readonly left: number;
      }
    | { readonly reason: 'unexpected-null'; readonly role: WireLengthRole }
    | { readonly reason: 'negative-length'; readonly role: WireLengthRole; readonly length: number }
    | { readonly reason: 'length-exceeds-buffer'; readonly role: WireLengthRole; readonly length: number; readonly left: number }
    | { readonly reason: 'string-too-long'; readonly length: number; readonly limit: number }
    | { readonly reason: 'not-int32'; readonly value: number }
  );

export type WireFaultReason = WireFault['reason'];

/** Builds the error that WireReader or WireWriter throws for a fault: each format has its own error class. */
export type WireErrorFactory = (fault: WireFault) => Error;

/** The fault in words: `found` names what was found and `problem` says what is wrong with it. */
export interface WireFaultWords {
  readonly found: string;
  readonly problem: string;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The words of the consumer-protocol errors, which read `<field>: <found> at byte <offset> <problem>`. */
export function describeWireFault(fault: WireFault): WireFaultWords {
  switch (fault.reason) {
    case 'truncated': {
      const left = `only ${plural(fault.left, 'byte')} ${fault.left === 1 ? 'is' : 'are'} left`;
      return {
        found: fault.role === null ? fault.integer : `${fault.integer} ${fault.role}`,
        problem: `needs ${plural(fault.needed, 'byte')} but ${left}`,
      };
    }
    case 'unexpected-null':
      return { found: `${fault.role} -1 (null)`, problem: 'is not allowed: the field is not nullable' };
    case 'negative-length':
      return { found: `${fault.role} ${fault.length}`, problem: 'is negative' };
    case 'length-exceeds-buffer':
      return { found: `${fault.role} ${fault.length}`, problem: `exceeds the ${plural(fault.left, 'byte')} left` };
    case 'string-too-long':
      return { found: `string of ${fault.length} UTF-8 bytes`, problem: `exceeds the limit of ${fault.limit} bytes` };
    case 'not-int32':
      return { found: `value ${String(fault.value)}`, problem: 'is not an int32' };
  }
}
