export { describeWithKafka, type KafkaUnderTest } from './describe-with-kafka.js';
export type { LocalKafkaContext } from './provided-context.js';
export { testTopics, type TestTopicAndGroup } from './test-topics.js';
