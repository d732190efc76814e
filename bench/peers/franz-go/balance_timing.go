package main

import (
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// balancers are franz-go's shipped balancers by protocol name.
var balancers = map[string]func() kgo.GroupBalancer{
	"range":              kgo.RangeBalancer,
	"roundrobin":         kgo.RoundRobinBalancer,
	"sticky":             kgo.StickyBalancer,
	"cooperative-sticky": kgo.CooperativeStickyBalancer,
}

// balanceTiming is the time of each timed balance step and the assignment of the last one.
type balanceTiming struct {
	SamplesNs  []int64
	Assignment map[string][]topicPartitions
}

// timeBalance warms up, then times the balance step alone (Balance, or BalanceOrError where the member
// balancer has it, as the client calls it). Reading the members' metadata (MemberBalancer) happens before each
// run and is not timed, nor is turning the plan into SyncGroup assignments.
func timeBalance(name string, s *scenario, plan timingPlan) (*balanceTiming, error) {
	newBalancer, ok := balancers[name]
	if !ok {
		return nil, fmt.Errorf("no balancer %s", name)
	}
	balancer := newBalancer()
	members := joinMembers(balancer, s.Members)
	partitionCounts := s.partitionCounts()

	warmupStart := time.Now()
	for {
		if _, err := balanceOnce(balancer, members, partitionCounts); err != nil {
			return nil, err
		}
		if !plan.keepWarmingUp(time.Since(warmupStart)) {
			break
		}
	}

	var timing balanceTiming
	var last kgo.IntoSyncAssignment
	measureStart := time.Now()
	for {
		run, err := balanceOnce(balancer, members, partitionCounts)
		if err != nil {
			return nil, err
		}
		timing.SamplesNs = append(timing.SamplesNs, run.elapsed.Nanoseconds())
		last = run.plan
		if !plan.keepMeasuring(len(timing.SamplesNs), time.Since(measureStart)) {
			break
		}
	}
	assignment, err := syncAssignment(last.IntoSyncAssignment())
	if err != nil {
		return nil, err
	}
	timing.Assignment = assignment
	return &timing, nil
}

type balanceRun struct {
	plan    kgo.IntoSyncAssignment
	elapsed time.Duration
}

func balanceOnce(balancer kgo.GroupBalancer, members []kmsg.JoinGroupResponseMember, partitionCounts map[string]int32) (*balanceRun, error) {
	memberBalancer, memberTopics, err := balancer.MemberBalancer(members)
	if err != nil {
		return nil, err
	}
	// The leader balances the topics its members want that its metadata has.
	topics := make(map[string]int32, len(memberTopics))
	for topic := range memberTopics {
		if count, exists := partitionCounts[topic]; exists {
			topics[topic] = count
		}
	}
	withError, hasError := memberBalancer.(kgo.GroupMemberBalancerOrError)
	start := time.Now()
	var plan kgo.IntoSyncAssignment
	if hasError {
		plan, err = withError.BalanceOrError(topics)
	} else {
		plan = memberBalancer.Balance(topics)
	}
	elapsed := time.Since(start)
	if err != nil {
		return nil, err
	}
	if plan == nil {
		return nil, fmt.Errorf("the balancer returned no plan")
	}
	return &balanceRun{plan: plan, elapsed: elapsed}, nil
}
