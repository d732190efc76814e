package kafkaassignors.reference;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Times the Java client's assignors (kafka-clients 3.9.1) on scenarios, for the benchmarks: only
 * {@code assign(Cluster, GroupSubscription)} is timed, after a warm-up, on a fresh assignor instance each run.
 *
 * <p>Usage: {@code JavaTiming}. It first writes one line with the versions it runs:
 * {@code {"kafkaClients": VERSION, "java": VERSION}}. Then it reads one request per line on standard input:
 * {@code {"scenario": FILE, "assignors": [NAME, ...], "timing": {"warmupMs", "minRuns", "targetMs", "maxRuns", "maxMs"}}},
 * FILE being a scenario in the compact binary form ({@link CompactScenario}). For each requested assignor, in
 * order, one line on standard output: {@code {"assignor": NAME, "samplesNs": [...], "result": {"assignment": ...}}}
 * with the result of the last run in the scenario output format, or {@code {"assignor": NAME, "error": "..."}}.
 *
 * <p>Warm-up runs until {@code warmupMs} has passed (at least one run). Timed runs go on until {@code targetMs} has
 * passed and {@code minRuns} were timed, stopping at {@code maxRuns}, and after {@code maxMs} even short of
 * {@code minRuns}: the same plan as the benchmark's other peers.
 */
public final class JavaTiming {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private JavaTiming() {}

  private record Plan(long warmupMs, int minRuns, long targetMs, int maxRuns, long maxMs) {
    static Plan from(Map<String, Object> json) {
      return new Plan(number(json, "warmupMs"), (int) number(json, "minRuns"), number(json, "targetMs"), (int) number(json, "maxRuns"), number(json, "maxMs"));
    }

    private static long number(Map<String, Object> json, String key) {
      if (!(json.get(key) instanceof Long value)) throw new IllegalArgumentException("timing." + key + ": expected an integer");
      return value;
    }

    boolean keepMeasuring(int runs, long elapsedNs) {
      if (runs >= maxRuns) return false;
      return elapsedNs < targetMs * NANOS_PER_MILLI || (runs < minRuns && elapsedNs < maxMs * NANOS_PER_MILLI);
    }
  }

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    out.write("{\"kafkaClients\":" + Json.quote(AppInfoParser.getVersion())
        + ",\"java\":" + Json.quote(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")) + "}");
    out.newLine();
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) continue;
      for (String answer : answer(line)) {
        out.write(answer);
        out.newLine();
      }
      out.flush();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> answer(String requestLine) {
    Map<String, Object> request = (Map<String, Object>) Json.parse(requestLine);
    List<String> assignorNames = new ArrayList<>();
    for (Object name : (List<Object>) request.get("assignors")) assignorNames.add((String) name);
    List<String> answers = new ArrayList<>();
    Scenario scenario;
    Plan plan;
    try {
      scenario = CompactScenario.read(Path.of((String) request.get("scenario")));
      plan = Plan.from((Map<String, Object>) request.get("timing"));
    } catch (IOException | RuntimeException e) {
      for (String name : assignorNames) answers.add(error(name, e));
      return answers;
    }
    for (String name : assignorNames) answers.add(time(name, scenario, plan));
    return answers;
  }

  private static String time(String assignorName, Scenario scenario, Plan plan) {
    Supplier<ConsumerPartitionAssignor> factory = ReferenceAssignors.factory(assignorName);
    if (factory == null) return error(assignorName, new IllegalArgumentException("no assignor " + assignorName + " (one of: " + ReferenceAssignors.names() + ")"));
    try {
      ScenarioGroup group = new ScenarioGroup(scenario, factory);
      long warmupStart = System.nanoTime();
      do {
        factory.get().assign(group.cluster(), group.subscriptions());
      } while (System.nanoTime() - warmupStart < plan.warmupMs() * NANOS_PER_MILLI);

      List<Long> samples = new ArrayList<>();
      GroupAssignment last;
      long measureStart = System.nanoTime();
      do {
        ConsumerPartitionAssignor assignor = factory.get();
        GroupSubscription subscriptions = group.subscriptions();
        long start = System.nanoTime();
        last = assignor.assign(group.cluster(), subscriptions);
        samples.add(System.nanoTime() - start);
      } while (plan.keepMeasuring(samples.size(), System.nanoTime() - measureStart));

      StringBuilder answer = new StringBuilder("{\"assignor\":").append(Json.quote(assignorName)).append(",\"samplesNs\":[");
      for (int i = 0; i < samples.size(); i++) answer.append(i == 0 ? "" : ",").append(samples.get(i));
      return answer.append("],\"result\":").append(AssignmentJson.of(group.memberIds(), last)).append('}').toString();
    } catch (RuntimeException e) {
      return error(assignorName, e);
    }
  }

  private static String error(String assignorName, Exception e) {
    return "{\"assignor\":" + Json.quote(assignorName) + ",\"error\":" + Json.quote(e.toString()) + "}";
  }
}
