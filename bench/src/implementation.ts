/** The implementations a benchmark run compares. */
export type Implementation = 'ours' | 'java' | 'franz-go' | 'kafkajs';

export const IMPLEMENTATION_NAMES: Readonly<Record<Implementation, string>> = {
  ours: 'ours',
  java: 'Java client',
  'franz-go': 'franz-go',
  kafkajs: 'KafkaJS',
};
