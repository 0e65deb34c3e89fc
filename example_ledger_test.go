package haochaping_test

import (
	"context"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
)

// A ledger keeps every rating, good and bad, once per key and without personal data; a
// query counts them by unit, channel and period.
func ExampleMemoryLedger() {
	ctx := context.Background()
	at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, haochaping.Location()) }
	rating := func(id string, l haochaping.Level, c haochaping.Channel, t time.Time) haochaping.Review {
		return haochaping.Review{ID: id, MatterNumber: "450224-" + id, Level: l, Channel: c, Time: t,
			AreaCode: "450224", Window: "不动产窗口", Reviewer: haochaping.Reviewer{Name: "张三", Phone: "13812345678"}}
	}
	ledger := haochaping.NewMemoryLedger()
	added, err := ledger.Record(ctx, []haochaping.Review{
		rating("R-3", haochaping.Dissatisfied, haochaping.ChannelDevice, at(2, 10)),
		rating("R-1", haochaping.VerySatisfied, haochaping.ChannelDevice, at(1, 9)),
		rating("R-2", haochaping.Satisfied, haochaping.ChannelGuangxiApp, at(1, 15)),
		rating("Ｒ－１", haochaping.VerySatisfied, haochaping.ChannelDevice, at(1, 9)), // R-1 again, full-width
	})
	fmt.Println("added", added, err)
	added, err = ledger.Record(ctx, []haochaping.Review{rating("R-2", haochaping.Satisfied, haochaping.ChannelGuangxiApp, at(1, 15))})
	fmt.Println("added", added, err)

	firstOfMarch := haochaping.RatingQuery{From: at(1, 0), To: at(2, 0), Window: "不动产窗口",
		Channels: []haochaping.Channel{haochaping.ChannelDevice, haochaping.ChannelGuangxiApp}}
	for r, err := range ledger.Ratings(ctx, firstOfMarch) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.ID, r.Level.Label(), r.Channel.Label(), r.Time.Format("01-02 15:04"), "reviewer kept:", r.Reviewer != haochaping.Reviewer{})
	}

	_, err = ledger.Record(ctx, []haochaping.Review{rating("R-4", 0, haochaping.ChannelDevice, at(3, 9))})
	fmt.Println(err)
	// Output:
	// added 3 <nil>
	// added 0 <nil>
	// R-1 非常满意 现场评价仪 03-01 09:00 reviewer kept: false
	// R-2 满意 广西政务APP 03-01 15:00 reviewer kept: false
	// haochaping: ratings[0].level "haochaping.Level(0)": unknown code
}
