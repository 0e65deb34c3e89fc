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
	f, err := os.Open("../examples/internal/demorules/rules.json")
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

// An appraisal explains every deduction: the case, the rule, the article and whom it falls
// on. The cases are those of the hand-computed month (month_test.go); C3, found mistaken
// and annulled on appeal, deducts nothing.
func ExampleAppraise() {
	f, err := os.Open("testdata/rules.json")
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
	a, err := scoring.Appraise(rules, scoring.Month(2026, time.November), scoring.All(monthCases()))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range a.Lines {
		fmt.Println(l.Case, l.Rule, l.Article, l.Reason, l.Target.Label(), l.Points)
	}
	for _, acc := range a.ByUnit() {
		fmt.Println(acc.ID, acc.Points)
	}
	// Output:
	// C1 R8 第十条 差评属实 单位 0.20
	// C1 R1 第十条 服务态度 责任人 2.00
	// C1 R4d 第十条 服务环境 窗口 2.00
	// C2 R8 第十条 差评属实 单位 0.20
	// C2 R3 第十条 服务效率 责任人 1.00
	// C2 R5 第五条 报送调查整改报告超期 窗口 0.50
	// C5 R8 第十条 差评属实 单位 0.20
	// C5 R4 第十条 服务环境 窗口 1.00
	// center 1.20
	// d-tax 5.90
}
