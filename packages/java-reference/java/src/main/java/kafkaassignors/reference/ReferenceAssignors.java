package kafkaassignors.reference;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;

/**
 * The Java client's assignors by protocol name. Each scenario gets a fresh instance, because some assignors keep
 * state between calls. Range and round-robin read nothing but topics, group instance ids and racks; the sticky
 * assignors, when added, also need each member's user data built from its owned partitions and generation.
 */
final class ReferenceAssignors {
  private static final Map<String, Supplier<ConsumerPartitionAssignor>> BY_NAME = new TreeMap<>(Map.of(
      "range", RangeAssignor::new,
      "roundrobin", RoundRobinAssignor::new));

  private ReferenceAssignors() {}

  /** A new instance of the named assignor, or null when there is none by that name. */
  static ConsumerPartitionAssignor create(String name) {
    Supplier<ConsumerPartitionAssignor> factory = BY_NAME.get(name);
    return factory == null ? null : factory.get();
  }

  static String names() {
    return String.join(", ", BY_NAME.keySet());
  }
}
