package haochaping

import (
	"sync"
	"time"
)

var location = sync.OnceValue(func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	// Without a time zone database: China has kept UTC+8 all year since 1992, so the
	// fixed zone gives the same wall clock for every date this library handles.
	return time.FixedZone("CST", 8*60*60)
})

// Location returns the time zone of mainland China, Asia/Shanghai, loaded once. Rating
// times without a zone are read in it, and deadlines are computed in it.
func Location() *time.Location { return location() }
