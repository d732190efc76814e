package kafkaassignors.reference;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;

/**
 * Runs one of the Java client's assignors (kafka-clients 3.9.1) on scenarios, in one JVM for a whole batch.
 *
 * <p>Usage: {@code JavaReference ASSIGNOR}, ASSIGNOR being a protocol name ({@code range}, {@code roundrobin},
 * {@code sticky}, {@code cooperative-sticky}).
 * Standard input carries one scenario per line (the project's JSON scenario format); standard output gets one
 * line per scenario, in order: the assignment in the scenario output format, or {@code {"error": "..."}} when
 * the scenario cannot be read or the assignor throws. The assignor is called as a group leader calls it:
 * {@code assign(Cluster, GroupSubscription)}.
 */
public final class JavaReference {
  private JavaReference() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 || ReferenceAssignors.factory(args[0]) == null) {
      System.err.println("usage: JavaReference ASSIGNOR (one of: " + ReferenceAssignors.names() + ")");
      System.exit(2);
    }
    Supplier<ConsumerPartitionAssignor> assignorFactory = ReferenceAssignors.factory(args[0]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) continue;
      out.write(assign(assignorFactory, line));
      out.newLine();
      // Flush only when no scenario is waiting, so that a batch is written in large blocks yet each answer leaves promptly.
      if (!in.ready()) out.flush();
    }
    out.flush();
  }

  private static String assign(Supplier<ConsumerPartitionAssignor> assignorFactory, String scenarioLine) {
    try {
      ScenarioGroup group = new ScenarioGroup(ScenarioJson.read(Json.parse(scenarioLine)), assignorFactory);
      return AssignmentJson.of(group.memberIds(), assignorFactory.get().assign(group.cluster(), group.subscriptions()));
    } catch (RuntimeException e) {
      return "{\"error\":" + Json.quote(e.toString()) + "}";
    }
  }
}
