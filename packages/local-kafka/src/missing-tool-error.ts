/** Raised when programs the local broker needs (a JDK's `java`, Maven's `mvn`, openssl when secured) are not on the PATH. */
export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';

  constructor(
    readonly tools: readonly string[],
    needs = 'The local Kafka broker needs a JDK 17+ and Maven 3.8+ (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven).',
  ) {
    super(`${tools.map((tool) => `\`${tool}\``).join(' and ')} not found on the PATH. ${needs}`);
  }
}
