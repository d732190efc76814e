package kafkaassignors.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a scenario from its compact binary form (written by {@code compactScenario} in {@code src/compact-scenario.ts},
 * which describes the layout). A scenario of a million partitions is tens of megabytes of JSON, which takes seconds
 * to parse here; this form is a third of the size and is read at the speed of the disk.
 */
final class CompactScenario {
  static final int MAGIC = 0x4B415343;
  static final int VERSION = 1;
  private static final int ABSENT = -1;

  private final ByteBuffer in;
  private final List<String> names = new ArrayList<>();

  private CompactScenario(ByteBuffer in) {
    this.in = in;
  }

  static Scenario read(Path file) throws IOException {
    return new CompactScenario(ByteBuffer.wrap(Files.readAllBytes(file))).scenario(file);
  }

  private Scenario scenario(Path file) {
    if (in.getInt() != MAGIC || in.getInt() != VERSION) throw new IllegalArgumentException(file + " is not a compact scenario of version " + VERSION);
    int nameCount = in.getInt();
    for (int i = 0; i < nameCount; i++) names.add(string());
    int topicCount = in.getInt();
    List<Scenario.Topic> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) topics.add(topic());
    int memberCount = in.getInt();
    List<Scenario.Member> members = new ArrayList<>(memberCount);
    for (int i = 0; i < memberCount; i++) members.add(member());
    if (in.hasRemaining()) throw new IllegalArgumentException(file + " has " + in.remaining() + " bytes after the scenario");
    return new Scenario(topics, members);
  }

  private Scenario.Topic topic() {
    String name = name();
    int partitions = in.getInt();
    int racksCount = in.getInt();
    if (racksCount == ABSENT) return new Scenario.Topic(name, partitions, null);
    List<List<String>> replicaRacks = new ArrayList<>(racksCount);
    for (int p = 0; p < racksCount; p++) {
      int count = in.getInt();
      List<String> racks = new ArrayList<>(count);
      for (int r = 0; r < count; r++) racks.add(name());
      replicaRacks.add(racks);
    }
    return new Scenario.Topic(name, partitions, replicaRacks);
  }

  private Scenario.Member member() {
    String memberId = string();
    String groupInstanceId = nullableString();
    String rackId = nullableString();
    int topicCount = in.getInt();
    List<String> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) topics.add(name());
    List<TopicPartition> owned = null;
    int ownedCount = in.getInt();
    if (ownedCount != ABSENT) {
      owned = new ArrayList<>();
      for (int i = 0; i < ownedCount; i++) {
        String topic = name();
        int partitionCount = in.getInt();
        for (int p = 0; p < partitionCount; p++) owned.add(new TopicPartition(topic, in.getInt()));
      }
    }
    Integer generationId = in.get() == 0 ? null : in.getInt();
    int userDataLength = in.getInt();
    ByteBuffer userData = null;
    if (userDataLength != ABSENT) {
      byte[] bytes = new byte[userDataLength];
      in.get(bytes);
      userData = ByteBuffer.wrap(bytes);
    }
    return new Scenario.Member(memberId, groupInstanceId, rackId, topics, owned, generationId, userData);
  }

  private String name() {
    return names.get(in.getInt());
  }

  private String nullableString() {
    int length = in.getInt();
    return length == ABSENT ? null : chars(length);
  }

  private String string() {
    return chars(in.getInt());
  }

  /** UTF-16 code units, so that any JavaScript string, lone surrogates included, arrives as it was. */
  private String chars(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) chars[i] = in.getChar();
    return new String(chars);
  }
}
