/** The Apache Kafka release of the broker and of the Java peer's client; the poms pin the same. */
export const KAFKA_VERSION = '3.9.1';
