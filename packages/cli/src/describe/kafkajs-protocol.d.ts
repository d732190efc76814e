// KafkaJS' wire encoder, decoder and error table, which its typings leave out: describe sends a DescribeGroups
// version that KafkaJS does not implement (see describe-groups-request.ts), over KafkaJS' own connection.

declare module 'kafkajs/src/protocol/encoder.js' {
  export default class Encoder {
    /** The bytes written so far. */
    readonly buffer: Buffer;
    writeArray(values: readonly string[]): this;
    writeBoolean(value: boolean): this;
  }
}

declare module 'kafkajs/src/protocol/decoder.js' {
  export default class Decoder {
    constructor(buffer: Buffer);
    readInt16(): number;
    readInt32(): number;
    /** `null` for the null string (length -1). */
    readString(): string | null;
    /** `null` for null bytes (length -1). */
    readBytes(): Buffer | null;
    readArray<T>(reader: (decoder: Decoder) => T): T[];
  }
}

declare module 'kafkajs/src/protocol/error.js' {
  /** KafkaJS' error for a Kafka error code: a KafkaJSProtocolError with the code's `type` name and message. */
  export function createErrorFromCode(code: number): Error & { readonly type: string };
}
