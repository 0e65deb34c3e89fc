// Package scoring puts bad reviews into performance appraisal (绩效考评, 第十条) and computes
// the statistics the office reports (统计、跟踪分析, 第三条), with the monthly bulletin
// (月度通报).
//
// # Deductions (第十条)
//
// The measures give no numbers: a county writes its deduction rules (绩效扣分细则) in a JSON
// file, read strictly by [ParseRules], and [Appraise] applies them to the cases archived in
// a period:
//
//	rules, err := scoring.ParseRules(file)
//	a, err := scoring.Appraise(rules, scoring.Month(2026, time.November), scoring.StoredCases(ctx, store, caseflow.Filter{}))
//	for _, acc := range a.ByPerson() { … acc.Points, acc.Lines … }
//
// Every [Line] names the case, the rule and the article behind it. Only a founded review
// deducts (第十条 "经查属"): a mistaken or untrue one, annulled on appeal or not, deducts
// nothing. The library ships no rules; examples/report carries an illustrative file that
// says it is one.
//
// # Indicators (第三条)
//
// A [Report] counts a stream of ratings and a stream of cases into the groups of its
// periods, then gives every indicator ([Indicators]) per unit, window or channel, each
// [Figure] with its numerator and denominator, the month-over-month change (环比) and the
// rank:
//
//	r, err := scoring.NewReport(scoring.Definition{}, time.Now(), scoring.Months(scoring.Month(2026, time.November), 6)...)
//	err = r.AddRatings(ledger.Ratings(ctx, haochaping.RatingQuery{}))    // any ledger, streamed
//	err = r.AddRatingCounts(ctx, sqlStore)                               // or pushed down to GROUP BY
//	err = r.AddCases(scoring.StoredCases(ctx, store, caseflow.Filter{}))
//	rows, err := r.Rows(scoring.Month(2026, time.November), scoring.ByUnit)
//
// [Definition] says what counts as good, whether default ratings count, the points of
// 平均分 and which cases 差评整改率 is over; rates over matters handled (办件量) use the
// volumes the caller gives ([Report.SetVolume]), and each figure names its base. A report
// keeps counts per group, never the ratings: memory grows with the groups, not the
// ratings. [RatingCounter] is the push-down an SQL ledger implements; both ways fill the
// same counts, so they give identical figures.
//
// # The monthly bulletin
//
// [BuildBulletin] makes the 通报 of a month from a report (and an appraisal): overall
// figures, tables per unit and window with ranks, channels, options and causes, the cases'
// handling, the overdue cases named, the trend. [WriteHTML] and [WriteMarkdown] render it,
// with charts drawn as SVG by the library ([ChartSVG]; the viewer's fonts draw the text);
// package scoring/xlsx writes it as a workbook with native Excel charts.
//
// Reports, appraisals and bulletins are plain values, not safe for concurrent change.
package scoring
