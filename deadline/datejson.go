package deadline

import (
	"encoding/json"
	"fmt"
	"time"
)

// MarshalText encodes d as "2026-10-01", as a form's date field reads it; the zero Date as "".
func (d Date) MarshalText() ([]byte, error) {
	if d == (Date{}) {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalJSON decodes "2026-10-01" (the empty string is the zero Date), or the object
// {"Year":2026,"Month":10,"Day":1} that Dates were encoded as before they had a text form,
// so that stored trails still read.
func (d *Date) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		type plain Date
		var v plain
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("deadline: date: %w", err)
		}
		if v != (plain{}) && DateOf(Date(v).In(time.UTC), time.UTC) != Date(v) {
			return fmt.Errorf("deadline: date %04d-%02d-%02d does not exist", v.Year, int(v.Month), v.Day)
		}
		*d = Date(v)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("deadline: date: want \"YYYY-MM-DD\": %w", err)
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
