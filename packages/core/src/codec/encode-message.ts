import { consumerProtocolError } from './consumer-protocol-error.js';
import { WireWriter } from './wire/wire-writer.js';

/** Runs `writeMessage` through a writer whose faults are ConsumerProtocolErrors, and returns the bytes it wrote. */
export function encodeMessage(writeMessage: (writer: WireWriter) => void): Uint8Array {
  const writer = new WireWriter(consumerProtocolError);
  writeMessage(writer);
  return writer.finish();
}
