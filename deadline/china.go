package deadline

import (
	_ "embed"
	"sync"

	"github.com/haochaping/haochaping"
)

//go:embed data/china.txt
var chinaData []byte

var china = sync.OnceValue(func() *Calendar {
	years, err := ParseArrangements(chinaData)
	if err == nil {
		var c *Calendar
		if c, err = New(haochaping.Location(), years...); err == nil {
			return c
		}
	}
	panic("deadline: embedded arrangements: " + err.Error()) // a build defect, caught by the tests
})

// China returns the working-day calendar of mainland China in Asia/Shanghai: the official
// arrangements of the State Council's annual notices for every year from 2004, with the
// notices that amended a year (the 2015 commemoration holiday, the 2019 Labour Day change,
// the 2020 Spring Festival extension). The data is in data/china.txt, built from the notice
// texts and cross-checked against independent public data sets.
//
// Dates outside the covered years return ErrNotCovered; add a new year's notice with
// [Calendar.With] and [ParseHolidayCN] or [ParseArrangements], or opt in to a provisional
// year with [Provisional]. Note that a notice may change the last days of the December
// before its year (as 2008's made 29 December 2007 a working day): until the next year's
// notice is added, the last days of the last covered year are as the current notices say.
//
// The calendar is built once and shared; it has the default office hours, days ending at
// midnight and DefaultRisk.
func China() *Calendar { return china() }
