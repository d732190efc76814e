package kafkaassignors.broker;

import java.io.IOException;

/**
 * Runs kafka.Kafka, and shuts it down cleanly when standard input reaches end of file. The runner keeps a pipe
 * to the broker's standard input, so a test process that dies without stopping its broker (killed, crashed)
 * does not leave the broker running.
 */
public final class ParentBoundKafka {
  private ParentBoundKafka() {}

  public static void main(String[] args) throws Exception {
    Thread parentWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // The runner never writes; only the end of the stream matters.
        }
      } catch (IOException closed) {
        // A broken pipe means the same as end of file.
      }
      System.exit(0);
    }, "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    kafka.Kafka.main(args);
  }
}
