package deadline_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

func TestFormatDue(t *testing.T) {
	cal := deadline.China()
	sh := cal.Location()
	friday := time.Date(2026, 11, 20, 10, 0, 0, 0, sh)
	// 第五条 当日: a duty received on Friday is due at 24:00 on Friday, the instant 00:00 on
	// Saturday, which must not read as Saturday.
	due, err := cal.Due(friday, deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, "当日24时前", cal.FormatDue(due, friday))
	assert.Equal(t, "11月20日（周五）24时前", cal.FormatDue(due, friday.AddDate(0, 0, -1)))
	assert.Equal(t, "11月20日（周五）24时前", cal.FormatDue(due.UTC(), friday.AddDate(0, 0, 3)), "in the calendar's zone")
	assert.Equal(t, "11月20日（周五）24时前", cal.FormatDue(due, time.Time{}), "absolute, for a record")

	office, err := cal.WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	due, err = office.Due(friday, deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, "当日17:30 前", office.FormatDue(due, friday))
	assert.Equal(t, "11月20日（周五）17:30 前", office.FormatDue(due, friday.AddDate(0, 0, 1)))

	// 第五条 2个工作日 across New Year: the year is written when it is not now's.
	dec31 := time.Date(2026, 12, 31, 10, 0, 0, 0, sh)
	dl := time.Date(2027, 1, 5, 0, 0, 0, 0, sh)
	assert.Equal(t, "2027年1月4日（周一）24时前", cal.FormatDue(dl, dec31))
	assert.Equal(t, "2026年11月20日（周五）10:00", cal.FormatTime(friday.UTC()))
}
