package deadline_test

import (
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// rickar/cal through the WorkdayFunc hook agrees with the calendar on every day of every
// covered year, and on AddWorkdays.
func TestBusinessCalendarAgreesEveryDay(t *testing.T) {
	c := deadline.China()
	b := c.BusinessCalendar()
	first, last := c.Covered()
	for day := d(first, 1, 1); day.Year() <= last; day = day.AddDate(0, 0, 1) {
		ok, err := c.IsWorkday(day)
		require.NoError(t, err)
		require.Equal(t, ok, b.IsWorkday(day), day.Format(time.DateOnly))
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		start := d(first, 1, 1).AddDate(0, 0, rng.Intn(365*22))
		n := 1 + rng.Intn(30)
		ours, err := c.AddWorkdays(start, n)
		require.NoError(t, err)
		assert.Equal(t, ours, b.WorkdaysFrom(start, n), "%s %+d", start, n)
	}
	start, end := b.WorkdayStart(d(2026, 3, 2)), b.WorkdayEnd(d(2026, 3, 2))
	assert.Equal(t, at(2026, 3, 2, 8, 0), start)
	assert.Equal(t, at(2026, 3, 2, 17, 30), end)
}

// Outside the covered years rickar/cal cannot report an error; the hook answers Monday to
// Friday there rather than never finding a working day.
func TestBusinessCalendarOutsideCoverage(t *testing.T) {
	b := deadline.China().BusinessCalendar()
	assert.True(t, b.IsWorkday(d(2030, 1, 7)))
	assert.False(t, b.IsWorkday(d(2030, 1, 6)))
	assert.Equal(t, d(2030, 1, 8), b.WorkdaysFrom(d(2030, 1, 4), 2))
}

// queries are the same random AddWorkdays queries, n from 1 to 30, for both calendars.
func queries() ([]time.Time, []int) {
	rng := rand.New(rand.NewSource(42))
	starts, ns := make([]time.Time, 1024), make([]int, 1024)
	for i := range starts {
		starts[i] = at(2005, 1, 1, 9, 0).AddDate(0, 0, rng.Intn(365*21)).Add(time.Duration(rng.Intn(86400)) * time.Second)
		ns[i] = 1 + rng.Intn(30)
	}
	return starts, ns
}

func BenchmarkAddWorkdays(b *testing.B) {
	c := deadline.China()
	starts, ns := queries()
	b.Run("haochaping", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := c.AddWorkdays(starts[i&1023], ns[i&1023]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rickar-cal", func(b *testing.B) {
		bc := c.BusinessCalendar()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			bc.WorkdaysFrom(starts[i&1023], ns[i&1023])
		}
	})
}

func BenchmarkIsWorkday(b *testing.B) {
	c := deadline.China()
	starts, _ := queries()
	b.Run("haochaping", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := c.IsWorkday(starts[i&1023]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rickar-cal", func(b *testing.B) {
		bc := c.BusinessCalendar()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			bc.IsWorkday(starts[i&1023])
		}
	})
}

func BenchmarkWorkdaysBetween(b *testing.B) {
	c := deadline.China()
	starts, ns := queries()
	ends := make([]time.Time, len(starts))
	for i := range starts {
		ends[i] = starts[i].AddDate(0, 0, 3*ns[i])
	}
	b.Run("haochaping", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := c.WorkdaysBetween(starts[i&1023], ends[i&1023]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rickar-cal", func(b *testing.B) {
		bc := c.BusinessCalendar()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			bc.WorkdaysInRange(starts[i&1023], ends[i&1023])
		}
	})
}

func BenchmarkTrack(b *testing.B) {
	c := deadline.China()
	starts, ns := queries()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Track(starts[i&1023], deadline.Workdays(1+ns[i&1023]%4)); err != nil {
			b.Fatal(err)
		}
	}
}
