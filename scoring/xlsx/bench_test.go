package xlsx_test

import (
	"io"
	"testing"

	"github.com/haochaping/haochaping/scoring/xlsx"
)

// BenchmarkWrite writes the ranking of 100 units with its bar chart (of the first 60).
func BenchmarkWrite(b *testing.B) {
	bulletin := units(100)
	b.ReportAllocs()
	for b.Loop() {
		if err := xlsx.Write(io.Discard, bulletin); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite_november writes the monthly bulletin of six units: four tables, three
// charts.
func BenchmarkWrite_november(b *testing.B) {
	bulletin := november()
	b.ReportAllocs()
	for b.Loop() {
		if err := xlsx.Write(io.Discard, bulletin); err != nil {
			b.Fatal(err)
		}
	}
}
