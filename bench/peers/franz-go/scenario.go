package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// scenario is the project's JSON scenario format (shared/design/scenario-format.md). Raw user data and
// assignor-specific state are not read: every member's metadata is built by the balancer itself, as a live
// franz-go member builds it.
type scenario struct {
	Topics  []scenarioTopic  `json:"topics"`
	Members []scenarioMember `json:"members"`
}

type scenarioTopic struct {
	Name       string `json:"name"`
	Partitions int32  `json:"partitions"`
}

type scenarioMember struct {
	MemberID        string            `json:"memberId"`
	GroupInstanceID *string           `json:"groupInstanceId"`
	RackID          *string           `json:"rackId"`
	Topics          []string          `json:"topics"`
	Owned           []topicPartitions `json:"owned"`
	GenerationID    *int32            `json:"generationId"`
}

// topicPartitions is one entry of `owned`, and of an assignment in the scenario output format.
type topicPartitions struct {
	Topic      string  `json:"topic"`
	Partitions []int32 `json:"partitions"`
}

func readScenario(path string) (*scenario, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var s scenario
	if err := json.NewDecoder(file).Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// partitionCounts gives the topics that exist, as a leader's metadata has them: a topic without partitions
// does not exist.
func (s *scenario) partitionCounts() map[string]int32 {
	counts := make(map[string]int32, len(s.Topics))
	for _, topic := range s.Topics {
		if topic.Partitions > 0 {
			counts[topic.Name] = topic.Partitions
		}
	}
	return counts
}

// lastScenario keeps the scenario read last: the benchmark asks for one balancer at a time on the same file.
type lastScenario struct {
	path     string
	scenario *scenario
}

func (l *lastScenario) read(path string) (*scenario, error) {
	if l.scenario != nil && l.path == path {
		return l.scenario, nil
	}
	s, err := readScenario(path)
	if err != nil {
		return nil, err
	}
	l.path, l.scenario = path, s
	return s, nil
}
