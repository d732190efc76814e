import { describeWireFault, type WireErrorFactory, type WireFault, type WireFaultReason } from './wire-fault.js';

/**
 * Bytes that WireReader cannot read, or a value that WireWriter cannot write, in a format without an error
 * class of its own: what the reader and writer throw unless given another WireErrorFactory.
 */
export class WireFormatError extends Error {
  /** The path of the value at fault. */
  readonly field: string;
  /** The byte offset where the value starts; when writing, where it would have been written. */
  readonly offset: number;
  readonly reason: WireFaultReason;

  constructor(fault: WireFault) {
    const { found, problem } = describeWireFault(fault);
    super(`${fault.field}: ${found} at byte ${fault.offset} ${problem}`);
    this.name = 'WireFormatError';
    this.field = fault.field;
    this.offset = fault.offset;
    this.reason = fault.reason;
  }
}

export const wireFormatError: WireErrorFactory = (fault) => new WireFormatError(fault);
