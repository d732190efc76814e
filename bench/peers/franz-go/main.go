// Command franz-go-peer times franz-go's group balancers (range, roundrobin, sticky, cooperative-sticky) on
// scenario files, for the benchmark in bench/.
//
// It first writes one line with the versions it runs: {"franzGo": VERSION, "go": VERSION}. Then standard input
// carries one request per line:
//
//	{"scenario": FILE, "balancers": [NAME, ...], "timing": {"warmupMs", "minRuns", "targetMs", "maxRuns", "maxMs"}}
//
// FILE being a scenario in the project's JSON format. For each requested balancer, in order, one line goes to
// standard output: {"balancer": NAME, "samplesNs": [...], "result": {"assignment": ...}}, with the assignment of
// the last run in the scenario output format, or {"balancer": NAME, "error": "..."}.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// maxRequestBytes bounds one request line; requests name files, so they are short.
const maxRequestBytes = 1 << 20

type request struct {
	Scenario  string     `json:"scenario"`
	Balancers []string   `json:"balancers"`
	Timing    timingPlan `json:"timing"`
}

type answer struct {
	Balancer  string        `json:"balancer"`
	SamplesNs []int64       `json:"samplesNs,omitempty"`
	Result    *resultOutput `json:"result,omitempty"`
	Error     string        `json:"error,omitempty"`
}

type resultOutput struct {
	Assignment map[string][]topicPartitions `json:"assignment"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64*1024), maxRequestBytes)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out)
	write := func(values ...any) {
		for _, value := range values {
			if err := encoder.Encode(value); err != nil {
				fail(err)
			}
		}
		if err := out.Flush(); err != nil {
			fail(err)
		}
	}

	write(builtVersions())
	var scenarios lastScenario
	for in.Scan() {
		if len(in.Bytes()) == 0 {
			continue
		}
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fail(fmt.Errorf("unreadable request: %w", err))
		}
		for _, a := range answers(req, &scenarios) {
			write(a)
		}
	}
	if err := in.Err(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "franz-go-peer: %v\n", err)
	os.Exit(1)
}

func answers(req request, scenarios *lastScenario) []answer {
	result := make([]answer, 0, len(req.Balancers))
	s, err := scenarios.read(req.Scenario)
	for _, name := range req.Balancers {
		if err != nil {
			result = append(result, answer{Balancer: name, Error: err.Error()})
			continue
		}
		timing, balanceErr := timeBalance(name, s, req.Timing)
		if balanceErr != nil {
			result = append(result, answer{Balancer: name, Error: balanceErr.Error()})
			continue
		}
		result = append(result, answer{Balancer: name, SamplesNs: timing.SamplesNs, Result: &resultOutput{Assignment: timing.Assignment}})
	}
	return result
}
