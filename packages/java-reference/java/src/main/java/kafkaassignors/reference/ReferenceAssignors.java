package kafkaassignors.reference;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;

/**
 * The Java client's assignors by protocol name. Every call gets a fresh instance, because the sticky assignors keep
 * state between calls, and so does every member whose subscription user data is built (see {@link ScenarioGroup}).
 */
final class ReferenceAssignors {
  private static final Map<String, Supplier<ConsumerPartitionAssignor>> BY_NAME = new TreeMap<>(Map.of(
      "range", RangeAssignor::new,
      "roundrobin", RoundRobinAssignor::new,
      "sticky", StickyAssignor::new,
      "cooperative-sticky", CooperativeStickyAssignor::new));

  private ReferenceAssignors() {}

  /** The factory of the named assignor, or null when there is none by that name. */
  static Supplier<ConsumerPartitionAssignor> factory(String name) {
    return BY_NAME.get(name);
  }

  static String names() {
    return String.join(", ", BY_NAME.keySet());
  }
}
