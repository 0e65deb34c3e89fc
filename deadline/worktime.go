package deadline

import "time"

// WorkingTime returns the office time between a and b: the parts of the sessions of the
// working days between them. It is 0 when b is not after a. Errors are as for IsWorkday.
func (c *Calendar) WorkingTime(a, b time.Time) (time.Duration, error) {
	if !b.After(a) {
		return 0, nil
	}
	// [a, b) is half open: a duty due at 24:00 on the last covered day ends inside the
	// covered years, though 24:00 is 00:00 of the next.
	i, j := c.day(a), c.day(b.Add(-time.Nanosecond))
	if err := c.check(i); err != nil {
		return 0, err
	}
	if err := c.check(j); err != nil {
		return 0, err
	}
	var total time.Duration
	for k := i; k <= j; k++ {
		if !c.work[k] {
			continue
		}
		m := c.midnight(k)
		for _, s := range c.hours.on(fromDays(c.base + k)) {
			from, to := m.Add(s.Start), m.Add(s.End)
			if from.Before(a) {
				from = a
			}
			if to.After(b) {
				to = b
			}
			if to.After(from) {
				total += to.Sub(from)
			}
		}
	}
	return total, c.provisional(i, j)
}

// rewind returns the latest moment x ≤ end, inside a session of a working day, with
// amount of working time between x and end. amount must not exceed the working time
// between the first covered day and end.
func (c *Calendar) rewind(end time.Time, amount time.Duration) time.Time {
	for k := c.day(end); k >= 0; k-- {
		if k >= len(c.work) || !c.work[k] {
			continue
		}
		m := c.midnight(k)
		ss := c.hours.on(fromDays(c.base + k))
		for s := len(ss) - 1; s >= 0; s-- {
			from, to := m.Add(ss[s].Start), m.Add(ss[s].End)
			if to.After(end) {
				to = end
			}
			if !to.After(from) {
				continue
			}
			span := to.Sub(from)
			if span >= amount {
				return to.Add(-amount)
			}
			amount -= span
		}
	}
	return c.midnight(0)
}
