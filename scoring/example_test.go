package scoring_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/scoring"
)

// A county's rules are read strictly; the example program's file says it is an
// illustration.
func ExampleParseRules() {
	f, err := os.Open("../examples/report/rules.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rules, err := scoring.ParseRules(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rules.Illustrative, len(rules.Rules), rules.Rules[0].Label)

	_, err = scoring.ParseRules(strings.NewReader(`{"version":1,"name":"x","rules":[{"id":"R","label":"误评扣分",
		"when":{"verdict":"mistaken"},"unit":1}]}`))
	fmt.Println(err)
	// Output:
	// true 15 经查属服务态度导致的差评，扣责任人2分
	// scoring: rules rules[0].when.verdict: "mistaken": 第十条 deducts only for a review found founded (经查属); a mistaken or untrue review deducts nothing
}

// A report counts a stream of ratings (here a memory ledger's) and gives each indicator
// with its numerator and denominator.
func ExampleReport() {
	ledger := haochaping.NewMemoryLedger()
	nov := func(day int) time.Time { return time.Date(2026, 11, day, 10, 0, 0, 0, haochaping.Location()) }
	_, _ = ledger.Record(context(), []haochaping.Review{
		{ID: "1", Level: haochaping.VerySatisfied, Channel: haochaping.ChannelDevice, Time: nov(2), DepartmentCode: "d-tax"},
		{ID: "2", Level: haochaping.Satisfied, Channel: haochaping.ChannelDevice, Time: nov(3), DepartmentCode: "d-tax", Default: true},
		{ID: "3", Level: haochaping.Dissatisfied, Channel: haochaping.ChannelQRCode, Time: nov(4), DepartmentCode: "d-tax"},
	})
	month := scoring.Month(2026, time.November)
	r, _ := scoring.NewReport(scoring.Definition{}, nov(30), month)
	_ = r.AddRatings(ledger.Ratings(context(), haochaping.RatingQuery{}))
	rows, _ := r.Rows(month, scoring.ByUnit)
	for _, id := range []scoring.IndicatorID{scoring.Ratings, scoring.GoodRate, scoring.ActiveGoodRate, scoring.AverageScore} {
		f := rows[0].Figure(id)
		fmt.Printf("%s %s: %d/%d = %.4f\n", rows[0].Name, id.Label(), f.Numerator, f.Denominator, f.Value)
	}
	// Output:
	// d-tax 评价数: 3/0 = 3.0000
	// d-tax 好评率: 2/3 = 0.6667
	// d-tax 主动评价好评率: 1/2 = 0.5000
	// d-tax 平均分: 11/3 = 3.6667
}
