package scoring

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Points is a number of performance points (绩效分), kept in hundredths so that a ledger's
// sums are exact: Points(125) is 1.25 points. In JSON it is a plain number with at most two
// decimals, 1.25.
type Points int64

// maxPoints bounds one rule's deduction: 100 points, more than any appraisal scale gives.
const maxPoints = 100_00

// String returns the points with two decimals, "1.25".
func (p Points) String() string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}

// Float returns the points as a float64: 1.25.
func (p Points) Float() float64 { return float64(p) / 100 }

// MarshalJSON writes the points as a JSON number, 1.25.
func (p Points) MarshalJSON() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalJSON reads a JSON number of points from 0 to 100 with at most two decimals, read
// exactly (no binary rounding): 0.5, 1, 2.25. It refuses a negative number, an exponent,
// more decimals, a string and anything over 100.
func (p *Points) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 3 || !digits(whole) || (dot && (frac == "" || len(frac) > 2 || !digits(frac))) ||
		(len(whole) > 1 && whole[0] == '0') {
		return fmt.Errorf("points %.20q: want a number from 0 to 100 with at most two decimals", s)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if dot {
		f, _ = strconv.ParseInt(frac+strings.Repeat("0", 2-len(frac)), 10, 64)
	}
	v := Points(w*100 + f)
	if v > maxPoints {
		return fmt.Errorf("points %s: more than 100", s)
	}
	*p = v
	return nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
