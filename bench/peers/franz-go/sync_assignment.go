package main

import (
	"slices"
	"sort"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// syncAssignment reads the SyncGroup assignments a leader would send back into the scenario output format:
// topics by name, partitions ascending. A member the plan leaves out is left out here too.
func syncAssignment(assignments []kmsg.SyncGroupRequestGroupAssignment) (map[string][]topicPartitions, error) {
	result := make(map[string][]topicPartitions, len(assignments))
	for _, assignment := range assignments {
		byTopic, err := kgo.ParseConsumerSyncAssignment(assignment.MemberAssignment)
		if err != nil {
			return nil, err
		}
		entries := make([]topicPartitions, 0, len(byTopic))
		for topic, partitions := range byTopic {
			sorted := slices.Clone(partitions)
			slices.Sort(sorted)
			entries = append(entries, topicPartitions{Topic: topic, Partitions: sorted})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Topic < entries[j].Topic })
		result[assignment.MemberID] = entries
	}
	return result, nil
}
