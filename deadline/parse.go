package deadline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ParseArrangements reads arrangements in this package's text format, the format of the
// embedded official data (data/china.txt), UTF-8, one holiday a line:
//
//	# a comment
//	year 2026 国办发明电〔2025〕7号
//	元旦 off 2026-01-01..2026-01-03 work 2026-01-04
//	春节 off 2026-02-15..2026-02-23 work 2026-02-14 2026-02-28
//	year 2027 provisional
//
// A "year" line starts an arrangement and names its notice ("provisional" marks a
// provisional one); each holiday line gives the name, "off" and a date or a range A..B of
// days off, and optionally "work" and the adjusted working days. Each arrangement is
// validated ([Arrangement.Validate]); every problem is reported at once, naming its line.
func ParseArrangements(data []byte) ([]Arrangement, error) {
	var out []Arrangement
	var errs []error
	bad := func(n int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: "+format, append([]any{n}, args...)...))
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if f[0] == "year" {
			if len(f) < 3 {
				bad(n, "want: year YYYY <notice>")
				continue
			}
			y, err := strconv.Atoi(f[1])
			if err != nil {
				bad(n, "year %q is not a number", f[1])
				continue
			}
			notice := strings.Join(f[2:], " ")
			out = append(out, Arrangement{Year: y, Notice: notice, Provisional: notice == "provisional"})
			continue
		}
		if len(out) == 0 {
			bad(n, "a holiday before the first year line")
			continue
		}
		h, err := parseHolidayLine(f)
		if err != nil {
			bad(n, "%v", err)
			continue
		}
		a := &out[len(out)-1]
		a.Holidays = append(a.Holidays, h)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	for _, a := range out {
		errs = append(errs, a.problems()...)
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, errors.New("no year line"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("deadline: arrangements: %w", err)
	}
	return out, nil
}

// maxRange bounds a range of days off; the longest arrangement so far is 10 days.
const maxRange = 31

func parseHolidayLine(f []string) (Holiday, error) {
	if len(f) < 3 || f[1] != "off" {
		return Holiday{}, errors.New("want: <name> off <date or A..B> [work <dates>]")
	}
	h := Holiday{Name: f[0]}
	from, to, isRange := strings.Cut(f[2], "..")
	a, err := parseDate(from)
	if err != nil {
		return Holiday{}, err
	}
	b := a
	if isRange {
		if b, err = parseDate(to); err != nil {
			return Holiday{}, err
		}
	}
	if b.Before(a) || b.days()-a.days() >= maxRange {
		return Holiday{}, fmt.Errorf("range %s: want A..B with A before B, at most %d days", f[2], maxRange)
	}
	for d := a; !b.Before(d); d = d.AddDays(1) {
		h.Off = append(h.Off, d)
	}
	rest := f[3:]
	if len(rest) > 0 {
		if rest[0] != "work" || len(rest) == 1 {
			return Holiday{}, fmt.Errorf("after the days off, want: work <dates>, got %q", strings.Join(rest, " "))
		}
		for _, s := range rest[1:] {
			d, err := parseDate(s)
			if err != nil {
				return Holiday{}, err
			}
			h.Work = append(h.Work, d)
		}
	}
	return h, nil
}

// holidayCN is the JSON of one year of the public data set holiday-cn.
type holidayCN struct {
	Year   *int     `json:"year"`
	Papers []string `json:"papers"`
	Days   []struct {
		Name     *string `json:"name"`
		Date     *string `json:"date"`
		IsOffDay *bool   `json:"isOffDay"`
	} `json:"days"`
}

// ParseHolidayCN reads one year of the widely used public data set holiday-cn: a JSON object
// with "year", "papers" (the notices' addresses) and "days", each day with "name", "date"
// (YYYY-MM-DD) and "isOffDay" (true for a day off, false for an adjusted working day).
// Days are grouped into holidays by name. The arrangement is validated; every problem is
// reported at once, naming the date.
func ParseHolidayCN(data []byte) (Arrangement, error) {
	var f holidayCN
	if err := json.Unmarshal(data, &f); err != nil {
		return Arrangement{}, fmt.Errorf("deadline: holiday-cn: %w", err)
	}
	if f.Year == nil {
		return Arrangement{}, errors.New(`deadline: holiday-cn: field "year" is missing`)
	}
	a := Arrangement{Year: *f.Year, Notice: strings.Join(f.Papers, " ")}
	var errs []error
	index := map[string]int{}
	for i, day := range f.Days {
		if day.Name == nil || day.Date == nil || day.IsOffDay == nil {
			errs = append(errs, fmt.Errorf("holiday-cn %d: days[%d] needs name, date and isOffDay", a.Year, i))
			continue
		}
		d, err := parseDate(*day.Date)
		if err != nil {
			errs = append(errs, fmt.Errorf("holiday-cn %d: days[%d]: %w", a.Year, i, err))
			continue
		}
		j, ok := index[*day.Name]
		if !ok {
			j = len(a.Holidays)
			index[*day.Name] = j
			a.Holidays = append(a.Holidays, Holiday{Name: *day.Name})
		}
		if *day.IsOffDay {
			a.Holidays[j].Off = append(a.Holidays[j].Off, d)
		} else {
			a.Holidays[j].Work = append(a.Holidays[j].Work, d)
		}
	}
	for _, h := range a.Holidays {
		sort.Slice(h.Off, func(i, j int) bool { return h.Off[i].Before(h.Off[j]) })
		sort.Slice(h.Work, func(i, j int) bool { return h.Work[i].Before(h.Work[j]) })
	}
	errs = append(errs, a.problems()...)
	if err := errors.Join(errs...); err != nil {
		return Arrangement{}, fmt.Errorf("deadline: holiday-cn: %w", err)
	}
	return a, nil
}
