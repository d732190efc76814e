/** What the integration project's global setup hands to the test files. */
export type LocalKafkaContext = { readonly brokers: string } | { readonly skipReason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    localKafka: LocalKafkaContext;
  }
}
