package kafkaassignors.reference;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A scenario as a Java group leader running one assignor would see it: the cluster metadata and the members'
 * subscriptions.
 *
 * <p>The cluster has one broker per rack named in any {@code replicaRacks}, plus one without a rack; each
 * partition's replicas are the brokers of its racks, or the rackless broker when it lists none. Topics with no
 * partitions have no metadata, as for the real client.
 *
 * <p>Each member's subscription is what a live Java member with that assignor sends, as the leader decodes it:
 * its topics; the user data its own assignor instance writes after being told its last rebalance
 * ({@code onAssignment} with {@code owned} and {@code generationId}, when the scenario gives either), unless the
 * scenario gives raw user data; the partitions it owns if the assignor rebalances cooperatively (an eager member
 * gives everything up before it joins); its generation; and its rack (an empty rack is none, as on the wire). Its
 * group instance id is set as the leader copies it from the JoinGroup response.
 */
final class ScenarioGroup {
  private static final int NO_GENERATION = -1;
  private static final String GROUP_ID = "java-reference";

  private final Cluster cluster;
  private final List<String> memberIds = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();

  ScenarioGroup(Scenario scenario, Supplier<ConsumerPartitionAssignor> assignorFactory) {
    cluster = cluster(scenario.topics());
    boolean cooperative = assignorFactory.get().supportedProtocols().contains(RebalanceProtocol.COOPERATIVE);
    for (Scenario.Member member : scenario.members()) {
      memberIds.add(member.memberId());
      subscriptions.add(subscription(member, assignorFactory.get(), cooperative));
    }
  }

  Cluster cluster() {
    return cluster;
  }

  /** The member ids in scenario order. */
  List<String> memberIds() {
    return memberIds;
  }

  /**
   * The subscriptions, new for each call: the sticky assignors read user data by moving the buffer's position, so
   * a second {@code assign} on the same subscriptions would find it empty.
   */
  GroupSubscription subscriptions() {
    Map<String, Subscription> byMemberId = new HashMap<>();
    for (int i = 0; i < memberIds.size(); i++) {
      Subscription template = subscriptions.get(i);
      ByteBuffer userData = template.userData() == null ? null : template.userData().duplicate();
      Subscription subscription = new Subscription(
          template.topics(), userData, template.ownedPartitions(), template.generationId().orElse(NO_GENERATION), template.rackId());
      subscription.setGroupInstanceId(template.groupInstanceId());
      byMemberId.put(memberIds.get(i), subscription);
    }
    return new GroupSubscription(byMemberId);
  }

  private static Cluster cluster(List<Scenario.Topic> topics) {
    Node rackless = new Node(0, "localhost", 9092);
    Map<String, Node> nodeByRack = new LinkedHashMap<>();
    List<PartitionInfo> partitions = new ArrayList<>();
    for (Scenario.Topic topic : topics) {
      List<List<String>> replicaRacks = topic.replicaRacks() == null ? List.of() : topic.replicaRacks();
      for (int partition = 0; partition < topic.partitions(); partition++) {
        List<Node> replicas = new ArrayList<>();
        if (partition < replicaRacks.size()) {
          for (String rack : replicaRacks.get(partition)) {
            Node node = nodeByRack.computeIfAbsent(rack, r -> new Node(nodeByRack.size() + 1, "localhost", 9093 + nodeByRack.size(), r));
            if (!replicas.contains(node)) replicas.add(node);
          }
        }
        if (replicas.isEmpty()) replicas.add(rackless);
        Node[] nodes = replicas.toArray(new Node[0]);
        partitions.add(new PartitionInfo(topic.name(), partition, nodes[0], nodes, nodes));
      }
    }
    List<Node> nodes = new ArrayList<>();
    nodes.add(rackless);
    nodes.addAll(nodeByRack.values());
    return new Cluster(GROUP_ID, nodes, partitions, Collections.emptySet(), Collections.emptySet());
  }

  private static Subscription subscription(Scenario.Member member, ConsumerPartitionAssignor memberAssignor, boolean cooperative) {
    List<TopicPartition> owned = member.owned() == null ? List.of() : member.owned();
    int generationId = member.generationId() == null ? NO_GENERATION : member.generationId();
    if (member.owned() != null || member.generationId() != null) {
      memberAssignor.onAssignment(
          new Assignment(owned),
          new ConsumerGroupMetadata(GROUP_ID, generationId, member.memberId(), Optional.ofNullable(member.groupInstanceId())));
    }
    ByteBuffer userData = member.userData() != null
        ? member.userData().duplicate()
        : memberAssignor.subscriptionUserData(new HashSet<>(member.topics()));
    Optional<String> rackId = Optional.ofNullable(member.rackId()).filter(rack -> !rack.isEmpty());
    Subscription subscription = new Subscription(member.topics(), userData, cooperative ? owned : List.of(), generationId, rackId);
    subscription.setGroupInstanceId(Optional.ofNullable(member.groupInstanceId()));
    return subscription;
  }
}
