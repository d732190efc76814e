package main

import (
	"slices"
	"sort"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// noGeneration is the generation of a member that has not completed a rebalance yet.
const noGeneration = -1

// joinMembers is the JoinGroup response a franz-go leader would get: each member's metadata built by the
// balancer's own JoinGroupMetadata from the member's sorted topics, what it held after its last rebalance and
// that rebalance's generation, with its rack added the way the client adds it; members sorted as the client
// sorts them before balancing (static members first by instance id, then by member id).
func joinMembers(balancer kgo.GroupBalancer, members []scenarioMember) []kmsg.JoinGroupResponseMember {
	joined := make([]kmsg.JoinGroupResponseMember, 0, len(members))
	for _, member := range members {
		generation := int32(noGeneration)
		if member.GenerationID != nil {
			generation = *member.GenerationID
		}
		metadata := balancer.JoinGroupMetadata(sortedTopics(member.Topics), currentAssignment(member.Owned), generation)
		if member.RackID != nil && *member.RackID != "" {
			metadata = withRack(metadata, *member.RackID)
		}
		joinMember := kmsg.NewJoinGroupResponseMember()
		joinMember.MemberID = member.MemberID
		joinMember.InstanceID = member.GroupInstanceID
		joinMember.ProtocolMetadata = metadata
		joined = append(joined, joinMember)
	}
	sort.SliceStable(joined, func(i, j int) bool { return joinedBefore(&joined[i], &joined[j]) })
	return joined
}

func joinedBefore(left, right *kmsg.JoinGroupResponseMember) bool {
	switch {
	case left.InstanceID != nil && right.InstanceID != nil:
		return *left.InstanceID < *right.InstanceID
	case left.InstanceID != nil:
		return true
	case right.InstanceID != nil:
		return false
	default:
		return left.MemberID < right.MemberID
	}
}

// sortedTopics is a member's subscription as the client hands it to JoinGroupMetadata: a sorted set.
func sortedTopics(topics []string) []string {
	sorted := slices.Clone(topics)
	slices.Sort(sorted)
	return slices.Compact(sorted)
}

func currentAssignment(owned []topicPartitions) map[string][]int32 {
	assignment := make(map[string][]int32, len(owned))
	for _, entry := range owned {
		assignment[entry.Topic] = append(assignment[entry.Topic], entry.Partitions...)
	}
	for _, partitions := range assignment {
		slices.Sort(partitions)
	}
	return assignment
}

// withRack adds the member's rack (KIP-881) to consumer metadata that has none, raising it to version 3.
func withRack(metadata []byte, rack string) []byte {
	var meta kmsg.ConsumerMemberMetadata
	if err := meta.ReadFrom(metadata); err != nil || meta.Rack != nil {
		return metadata
	}
	meta.Rack = &rack
	meta.Version = max(meta.Version, 3)
	return meta.AppendTo(nil)
}
