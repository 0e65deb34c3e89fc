//go:build !race

package monthgen

const raceEnabled = false
