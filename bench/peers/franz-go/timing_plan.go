package main

import "time"

// timingPlan says how long to warm up and how many runs to time, with the same rules as every peer of the
// benchmark. Warm-up runs until WarmupMs has passed (at least one run). Timed runs go on until TargetMs has
// passed and MinRuns were timed, stopping at MaxRuns, and after MaxMs even short of MinRuns.
type timingPlan struct {
	WarmupMs int64 `json:"warmupMs"`
	MinRuns  int   `json:"minRuns"`
	TargetMs int64 `json:"targetMs"`
	MaxRuns  int   `json:"maxRuns"`
	MaxMs    int64 `json:"maxMs"`
}

func (p timingPlan) keepWarmingUp(elapsed time.Duration) bool {
	return elapsed < time.Duration(p.WarmupMs)*time.Millisecond
}

func (p timingPlan) keepMeasuring(runs int, elapsed time.Duration) bool {
	if runs >= p.MaxRuns {
		return false
	}
	return elapsed < time.Duration(p.TargetMs)*time.Millisecond ||
		(runs < p.MinRuns && elapsed < time.Duration(p.MaxMs)*time.Millisecond)
}
