package main

import (
	"runtime"
	"runtime/debug"
)

// versions is the first line the program writes: the franz-go module it was built with and the Go runtime.
type versions struct {
	FranzGo string `json:"franzGo"`
	Go      string `json:"go"`
}

func builtVersions() versions {
	v := versions{FranzGo: "unknown", Go: runtime.Version()}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/twmb/franz-go" {
				v.FranzGo = dep.Version
			}
		}
	}
	return v
}
