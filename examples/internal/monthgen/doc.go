// Package monthgen generates a county's month(s) of ratings (评价) and bad-review cases
// (差评办件) from a seed, for examples/report (the monthly bulletin, 月度通报) and for
// benchmarks. The same seed and config give the same data, byte for byte.
//
//	d, err := monthgen.Generate(ctx, monthgen.Config{Seed: 1, Cases: true,
//		Months: scoring.Months(scoring.Month(2026, time.November), 6)})
//	rep, err := scoring.NewReport(scoring.Definition{Names: d.Names}, d.Service.Now(), months...)
//	err = rep.AddRatings(scoring.All(d.Ratings))
//	err = rep.AddCases(scoring.All(d.Cases))
//
// # The county
//
// The org chart has the county centre, the real-estate sub-centre (不动产分中心), two township
// centres (乡（镇）政务服务中心) and Config.Units stationed departments (进驻部门: 县税务局,
// 县人社局, 县医保局…), each with 1 to 4 windows and their staff, heads and leaders in
// charge, named with plausible Chinese names. One or two departments, chosen by the seed, are
// notably worse: about three times the bad ratings, and late reports.
//
// # The ratings
//
// Ratings are spread over office hours of working days (the calendar of
// caseflow.DefaultCalendar) on site, by rating device, QR code and kiosk, and from 07:00 to
// 23:00 on any day online, by 广西政务APP, mobile and PC; some are default ratings (默认评价)
// and some anonymous. A bad review carries one or two options of Annex 1 of one dimension and
// often a line of text. A million ratings take about a second (TestMillionRatingsFast).
//
// # The cases
//
// With Config.Cases every bad review of the last month, a few of the month before and four
// on-site complaints (第四条) are opened on a caseflow.Service with a memory store and walked
// step by step, its clock moved to each step's time, up to Config.Now: most rectified and
// archived on time with a satisfied reviewer (第五条 to 第八条); some with the window's report
// late, still with the window at Now and urged, given a rectification deadline (整改期限),
// appealed and upheld or rejected by the city (第九条), closed without a satisfied reviewer
// (unreachable, or no number to call and investigated instead, 第六条), or sent back by an
// unsatisfied reviewer once (第八条). Every step is one the service accepts; a refused step
// is a bug of the generator and Generate returns it.
//
// The trails are chained under a demonstration key fixed in this package and the salts come
// from the seed: data for examples and tests, never for real cases.
package monthgen
