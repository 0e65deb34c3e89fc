package scoring

// IndicatorID names an indicator of the office's statistics (第三条).
type IndicatorID string

// The indicators, in the order tables print them. Each is a count, or a ratio whose
// numerator and denominator are reported with it ([Figure]).
const (
	Ratings        IndicatorID = "ratings"        // 评价数: ratings given (default ones too, unless Definition.ExcludeDefault)
	ActiveRatings  IndicatorID = "active"         // 主动评价数: ratings the reviewers gave themselves
	ActiveRate     IndicatorID = "activeRate"     // 主动评价率: active ratings / all ratings (or 办件量)
	GoodRate       IndicatorID = "goodRate"       // 好评率: good ratings / ratings
	ActiveGoodRate IndicatorID = "activeGoodRate" // 主动评价好评率: good active ratings / active ratings
	BadReviews     IndicatorID = "bad"            // 差评数: ratings of 不满意 or 非常不满意
	BadRate        IndicatorID = "badRate"        // 差评率: bad reviews / ratings (or 办件量)
	AverageScore   IndicatorID = "averageScore"   // 平均分: points / ratings, times Definition.Scale
	Cases          IndicatorID = "cases"          // 差评办件数: cases received, pushed and on-site complaints
	RectifyRate    IndicatorID = "rectifyRate"    // 差评整改率: cases rectified (archived, or the window's duties done) / cases to rectify
	OnTimeRate     IndicatorID = "onTimeRate"     // 按期整改率: rectified with every window duty on time / rectified
	CallbackRate   IndicatorID = "callbackRate"   // 实名差评回访率: real-name bad reviews reached on callback / real-name bad reviews
	SatisfiedRate  IndicatorID = "satisfiedRate"  // 回访满意率: satisfied on the callback on the result / called back on the result
	Appeals        IndicatorID = "appeals"        // 申诉数: appeals submitted to the city office
	UpheldRate     IndicatorID = "upheldRate"     // 申诉成立率: appeals upheld / appeals decided
	OverdueCases   IndicatorID = "overdue"        // 超期办件数: cases with a window's or unit's duty overdue in the period (Report.Overdue)
)

// indicatorIDs are the indicators in table order.
var indicatorIDs = []IndicatorID{Ratings, ActiveRatings, ActiveRate, GoodRate, ActiveGoodRate, BadReviews, BadRate,
	AverageScore, Cases, RectifyRate, OnTimeRate, CallbackRate, SatisfiedRate, Appeals, UpheldRate, OverdueCases}

// Indicators returns every indicator, in the order tables print them.
func Indicators() []IndicatorID { return append([]IndicatorID(nil), indicatorIDs...) }

type indicatorDef struct {
	label string
	ratio bool // a ratio, with a denominator; else a count (or 平均分, an average)
	lower bool // lower is better (差评率, and the counts of trouble)
}

var indicatorDefs = map[IndicatorID]indicatorDef{
	Ratings:        {"评价数", false, false},
	ActiveRatings:  {"主动评价数", false, false},
	ActiveRate:     {"主动评价率", true, false},
	GoodRate:       {"好评率", true, false},
	ActiveGoodRate: {"主动评价好评率", true, false},
	BadReviews:     {"差评数", false, true},
	BadRate:        {"差评率", true, true},
	AverageScore:   {"平均分", false, false},
	Cases:          {"差评办件数", false, true},
	RectifyRate:    {"差评整改率", true, false},
	OnTimeRate:     {"按期整改率", true, false},
	CallbackRate:   {"实名差评回访率", true, false},
	SatisfiedRate:  {"回访满意率", true, false},
	Appeals:        {"申诉数", false, false},
	UpheldRate:     {"申诉成立率", true, false},
	OverdueCases:   {"超期办件数", false, true},
}

// Label returns the indicator's Chinese name, e.g. "好评率".
func (id IndicatorID) Label() string {
	if d, ok := indicatorDefs[id]; ok {
		return d.label
	}
	return string(id)
}

// IsRate reports whether the indicator is a ratio of two counts.
func (id IndicatorID) IsRate() bool { return indicatorDefs[id].ratio }

// LowerIsBetter reports whether a lower value is better: 差评率 and the counts of bad
// reviews, cases and overdue cases.
func (id IndicatorID) LowerIsBetter() bool { return indicatorDefs[id].lower }

// Figure is one indicator's figure for one group: the numerator and the denominator it is
// computed from, and the value. For a count, Numerator is the count and Denominator 0; for
// 平均分, Numerator is the points summed and Denominator the ratings scored. Defined is false
// for a ratio whose denominator is 0, which has no value.
type Figure struct {
	ID          IndicatorID `json:"id"`
	Numerator   int64       `json:"numerator"`
	Denominator int64       `json:"denominator"`
	Value       float64     `json:"value"`
	Defined     bool        `json:"defined"`
	// Base names the denominator in Chinese, so that a reader knows what a rate is over:
	// "评价数", "办件量", "主动评价数", "需整改差评办件数"…
	Base string `json:"base,omitempty"`
}

// count returns a count's figure.
func count(id IndicatorID, n int64) Figure {
	return Figure{ID: id, Numerator: n, Value: float64(n), Defined: true}
}

// ratio returns num/den with its base, undefined when den is 0.
func ratio(id IndicatorID, num, den int64, base string) Figure {
	f := Figure{ID: id, Numerator: num, Denominator: den, Base: base}
	if den > 0 {
		f.Value, f.Defined = float64(num)/float64(den), true
	}
	return f
}

// Change returns the change of an indicator from prev to f (环比): for a ratio and for
// 平均分, the difference (of a ratio, in percentage points when multiplied by 100); for a
// count, the relative change, (f-prev)/prev. ok is false when either figure is undefined,
// or a count's previous value is 0.
func Change(f, prev Figure) (change float64, ok bool) {
	switch {
	case !f.Defined || !prev.Defined:
		return 0, false
	case f.ID.IsRate() || f.ID == AverageScore:
		return f.Value - prev.Value, true
	case prev.Value == 0:
		return 0, false
	}
	return (f.Value - prev.Value) / prev.Value, true
}
