//go:build !race

package main

// raceDetector is true in a build with the race detector, where the browser and load tests
// do not run: CI runs them in its pass without it.
const raceDetector = false
