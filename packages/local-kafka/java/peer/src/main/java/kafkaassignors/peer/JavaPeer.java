package kafkaassignors.peer;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer-group member built on the Java client, for tests that mix Java and Node members in one group.
 *
 * <p>Arguments are {@code --name value} pairs: {@code --bootstrap-servers}, {@code --group-id}, {@code --topics}
 * (comma-separated), {@code --client-id}, {@code --group-protocol} ({@code classic} or {@code consumer}), and
 * optionally {@code --group-instance-id}. A classic member also takes {@code --strategies} (comma-separated
 * assignor class names, in preference order) and optionally {@code --session-timeout-ms}; a consumer-protocol
 * member (KIP-848), whose partitions the broker assigns and whose session the broker sets, takes neither, and
 * optionally {@code --remote-assignor}, the name of a server-side assignor.
 *
 * <p>Standard output carries one JSON object per line: {@code ready} once subscribed; {@code assigned},
 * {@code revoked} and {@code lost} from the rebalance listener, with the partitions it was called with, the
 * generation and the member id, and for {@code assigned} also {@code assignment}, everything the member holds
 * after the rebalance (under the cooperative protocol the listener is given only the partitions added);
 * {@code consumed} after each poll that returned records, with the running count per partition; {@code error}
 * when the poll loop fails; {@code stopped} after the consumer has closed (and so left the group).
 *
 * <p>SIGTERM, or the end of standard input, closes the consumer and exits with 0.
 */
public final class JavaPeer {
  private static final PrintStream OUT = System.out;
  private static final Comparator<TopicPartition> BY_TOPIC_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private JavaPeer() {}

  public static void main(String[] args) {
    Map<String, String> options = parseOptions(args);
    List<String> topics = list(require(options, "topics"));
    String ready = "{\"event\":\"ready\",\"clientId\":" + quote(require(options, "client-id"))
        + ",\"groupId\":" + quote(require(options, "group-id")) + "}";
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(options));
    CountDownLatch closed = new CountDownLatch(1);
    int[] exitCode = {0};

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      consumer.wakeup();
      try {
        closed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      OUT.flush();
      // The JVM would otherwise report SIGTERM as exit code 143; a clean close is a normal end here.
      Runtime.getRuntime().halt(exitCode[0]);
    }, "peer-shutdown"));
    watchStandardInput();

    Map<TopicPartition, Long> consumed = new TreeMap<>(BY_TOPIC_PARTITION);
    try {
      consumer.subscribe(topics, new ReportingListener(consumer));
      emit(ready);
      while (true) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          consumed.merge(new TopicPartition(record.topic(), record.partition()), 1L, Long::sum);
        }
        emit("{\"event\":\"consumed\",\"records\":" + counts(consumed) + "}");
      }
    } catch (WakeupException stopping) {
      // Raised by consumer.wakeup() from the shutdown hook.
    } catch (RuntimeException failure) {
      exitCode[0] = 1;
      emit("{\"event\":\"error\",\"message\":" + quote(String.valueOf(failure)) + "}");
    }
    try {
      consumer.close(Duration.ofSeconds(10));
    } catch (RuntimeException failure) {
      exitCode[0] = 1;
      emit("{\"event\":\"error\",\"message\":" + quote(String.valueOf(failure)) + "}");
    }
    emit("{\"event\":\"stopped\"}");
    closed.countDown();
    System.exit(exitCode[0]);
  }

  private static Properties consumerConfig(Map<String, String> options) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, require(options, "bootstrap-servers"));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, require(options, "group-id"));
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, require(options, "client-id"));
    String groupProtocol = require(options, "group-protocol");
    config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, groupProtocol);
    switch (groupProtocol) {
      case "classic" -> classicConfig(options, config);
      case "consumer" -> {
        String remoteAssignor = options.get("remote-assignor");
        if (remoteAssignor != null) {
          config.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, remoteAssignor);
        }
      }
      default -> throw new IllegalArgumentException("--group-protocol is classic or consumer, not " + groupProtocol);
    }
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    String instanceId = options.get("group-instance-id");
    if (instanceId != null) {
      config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    return config;
  }

  /** The client-side assignors and session of a classic member; the client refuses them under the consumer protocol. */
  private static void classicConfig(Map<String, String> options, Properties config) {
    config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, require(options, "strategies"));
    String sessionTimeout = options.get("session-timeout-ms");
    if (sessionTimeout != null) {
      int sessionTimeoutMs = Integer.parseInt(sessionTimeout);
      config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
      // The client refuses a heartbeat interval that is not below the session timeout (default 3000 ms).
      config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(100, sessionTimeoutMs / 3));
    }
  }

  /** The spawning process holds a pipe to standard input; its end means that process is gone. */
  private static void watchStandardInput() {
    Thread watch = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever written; only the end of the stream matters.
        }
      } catch (IOException closed) {
        // A broken pipe means the same as end of file.
      }
      System.exit(0);
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static final class ReportingListener implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> consumer;

    ReportingListener(KafkaConsumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    /**
     * The client has applied the whole new assignment before it calls this, so {@code assignment()} is what the
     * member holds from now on, whereas {@code partitions} is only what this rebalance added when it is
     * cooperative.
     */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      report("assigned", partitions, ",\"assignment\":" + partitionList(consumer.assignment()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      report("revoked", partitions, "");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      report("lost", partitions, "");
    }

    /** {@code moreFields}: further JSON members, each with a leading comma, or nothing. */
    private void report(String event, Collection<TopicPartition> partitions, String moreFields) {
      ConsumerGroupMetadata group = consumer.groupMetadata();
      emit("{\"event\":" + quote(event) + ",\"partitions\":" + partitionList(partitions)
          + ",\"generation\":" + group.generationId() + ",\"memberId\":" + quote(group.memberId())
          + moreFields + "}");
    }
  }

  private static Map<String, String> parseOptions(String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option name, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String partitionList(Collection<TopicPartition> partitions) {
    return partitions.stream()
        .sorted(BY_TOPIC_PARTITION)
        .map(tp -> "{\"topic\":" + quote(tp.topic()) + ",\"partition\":" + tp.partition() + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String counts(Map<TopicPartition, Long> consumed) {
    return consumed.entrySet().stream()
        .map(e -> "{\"topic\":" + quote(e.getKey().topic()) + ",\"partition\":" + e.getKey().partition()
            + ",\"count\":" + e.getValue() + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static synchronized void emit(String jsonLine) {
    OUT.println(jsonLine);
    OUT.flush();
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
