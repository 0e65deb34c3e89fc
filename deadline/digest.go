package deadline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"sort"
)

// Digest returns the SHA-256, in hex, of everything that decides the calendar's answers:
// its location, each year's arrangement (notice, provisional mark, days off and adjusted
// working days), its office hours, end of day, risk rule and counting rules. Two calendars
// with the same digest give the same deadlines. A case records the digest of the calendar it
// was opened on (第十二条), so that a later calendar (a provisional year replaced by its
// notice, say) is seen to differ.
func (c *Calendar) Digest() string {
	h := sha256.New()
	w := func(format string, args ...any) { fmt.Fprintf(h, format, args...) }
	w("loc %s\n", c.loc)
	years := make([]int, 0, len(c.years))
	for y := range c.years {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		a := c.years[y]
		w("year %d %q %t\n", a.Year, a.Notice, a.Provisional)
		for _, hd := range a.Holidays {
			w("holiday %q off %v work %v\n", hd.Name, hd.Off, hd.Work)
		}
	}
	writeSessions(h, "hours", c.hours.Sessions)
	if s := c.hours.Summer; s != nil {
		w("summer %v %v\n", s.From, s.To)
		writeSessions(h, "summer hours", s.Sessions)
	}
	w("day end %d risk %v %v counting %t %t\n", c.dayEnd, c.risk.Share, c.risk.Remaining,
		c.counting.StartDayCounts, c.counting.AfterHoursCount)
	return hex.EncodeToString(h.Sum(nil))
}

func writeSessions(h hash.Hash, what string, ss []Session) {
	fmt.Fprintf(h, "%s", what)
	for _, s := range ss {
		fmt.Fprintf(h, " %d-%d", s.Start, s.End)
	}
	fmt.Fprintln(h)
}
