package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
)

// BulletinOptions says who issues a bulletin and what goes in it beyond the figures.
type BulletinOptions struct {
	// Issuer is who publishes it; empty means 融安县政务服务监督管理办公室.
	Issuer string
	// Title overrides the title, "关于2026年11月政务服务“好差评”工作情况的通报" by default.
	Title string
	// Date is the date of issue; zero means the report's time.
	Date time.Time
	// Trend is how many months the trend covers, the period's included, as far as the
	// report has them: 0 means 6.
	Trend int
	// Appraisal adds the period's deductions (第十条) by unit and line by line; nil leaves
	// them out. Staff are not named in a bulletin: a line says 责任人.
	Appraisal *Appraisal
}

// BuildBulletin makes the monthly bulletin (月度通报) of period p from a report: the overall
// figures with the month-over-month change (环比), tables per unit and window with ranks, the
// channels, the bad reviews by option and by cause, the handling of the cases, the overdue
// cases named, the trend, and the deductions when opt gives an appraisal. p must be one of
// the report's periods; the change and the trend need the report to hold the months
// before.
func BuildBulletin(r *Report, p Period, opt BulletinOptions) (*Bulletin, error) {
	if _, err := r.index(p); err != nil {
		return nil, err
	}
	p = p.In()
	if a := opt.Appraisal; a != nil && a.Period != p {
		return nil, fmt.Errorf("scoring: bulletin of %v: the appraisal is of %v", p, a.Period)
	}
	issuer := opt.Issuer
	if issuer == "" {
		issuer = "融安县政务服务监督管理办公室"
	}
	b := &Bulletin{Title: opt.Title, Issuer: issuer, Period: p, Date: opt.Date}
	if b.Title == "" {
		b.Title = "关于" + p.Label() + "政务服务“好差评”工作情况的通报"
	}
	if b.Date.IsZero() {
		b.Date = r.at
	}
	total, err := r.Rows(p, ByTotal)
	if err != nil {
		return nil, err
	}
	t := Row{Figures: r.figures(&totals{})}
	if len(total) > 0 {
		t = total[0]
	}
	b.Lead = lead(p, t, opt.Appraisal)
	steps := []func(*Report, Period, Row, *BulletinOptions) (Section, error){
		overallSection, rateSection, unitSection, windowSection, channelSection, optionSection, causeSection,
		handlingSection, overdueSection, trendSection, appraisalSection,
	}
	for _, step := range steps {
		s, err := step(r, p, t, &opt)
		if err != nil {
			return nil, err
		}
		if s.Heading != "" {
			b.Sections = append(b.Sections, s)
		}
	}
	return b, b.Validate()
}

// lead returns the opening paragraphs: the overall figures in prose.
func lead(p Period, t Row, a *Appraisal) []string {
	f := t.Figure
	pct := func(id IndicatorID) string { return percent(f(id)) }
	change := ""
	if d, ok := t.Change(GoodRate); ok {
		change = fmt.Sprintf("（环比%s个百分点）", signed(100*d))
	}
	out := []string{
		fmt.Sprintf("%s，全县政务服务“好差评”系统共收到评价%d条，其中主动评价%d条，主动评价率%s；好评率%s%s；差评%d条，差评率%s；平均分%s。",
			p.Label(), f(Ratings).Numerator, f(ActiveRatings).Numerator, pct(ActiveRate), pct(GoodRate), change,
			f(BadReviews).Numerator, pct(BadRate), decimal(f(AverageScore))),
		fmt.Sprintf("%s受理差评办件%d件，需整改%d件，已整改%d件，差评整改率%s，按期整改率%s；实名差评回访率%s，回访满意率%s；向市督查科申诉%d件，已答复%d件，成立%d件；超期办件%d件。",
			thisPeriod(p), f(Cases).Numerator, f(RectifyRate).Denominator, f(RectifyRate).Numerator, pct(RectifyRate), pct(OnTimeRate),
			pct(CallbackRate), pct(SatisfiedRate), f(Appeals).Numerator, f(UpheldRate).Denominator, f(UpheldRate).Numerator,
			f(OverdueCases).Numerator),
	}
	if a != nil && a.Illustrative {
		out = append(out, "注：本通报的绩效扣分按“"+a.Rules+"”计算，该细则仅为示例。")
	}
	return out
}

// thisPeriod returns 本月 for a month, 本期 for another period.
func thisPeriod(p Period) string {
	if p.IsMonth() {
		return "本月"
	}
	return "本期"
}

// percent writes a ratio's figure as a percentage, or "—" when it has none.
func percent(f Figure) string { return value(f).Format(FormatPercent) }

// decimal writes a figure with two decimals, or "—" when it has none. The prose and the
// tables write a figure through Cell.Format alike, so that they round it alike.
func decimal(f Figure) string { return value(f).Format(FormatDecimal) }

// signed writes v with its sign and two decimals, as a FormatDelta cell: +0.00 for a value
// that rounds to zero.
func signed(v float64) string { return Number(v).Format(FormatDelta) }

// value returns a figure's cell: its value, blank when undefined.
func value(f Figure) Cell {
	if !f.Defined {
		return Blank()
	}
	return Number(f.Value)
}

// changeCell returns the cell of an indicator's change in row w: in percentage points for
// a ratio, as a relative change for a count.
func changeCell(w Row, id IndicatorID) Cell {
	d, ok := w.Change(id)
	switch {
	case !ok:
		return Blank()
	case id.IsRate():
		return Number(100 * d)
	}
	return Number(d)
}

func rankCell(w Row) Cell {
	if w.Rank == 0 {
		return Text("—")
	}
	return Text(fmt.Sprint(w.Rank))
}

// overallSection is the county's counts, with the previous period and the change, and its
// average score.
func overallSection(r *Report, _ Period, t Row, _ *BulletinOptions) (Section, error) {
	tab := &Table{Sheet: "总体情况", Columns: []Column{{"指标", FormatText}, {"本期", FormatInt},
		{"上期", FormatInt}, {"环比", FormatDeltaPercent}}}
	for i, id := range indicatorIDs {
		if !id.IsRate() && id != AverageScore {
			tab.Rows = append(tab.Rows, []Cell{Text(id.Label()), value(t.Figures[i]), previous(t, i), changeCell(t, id)})
		}
	}
	tab.Notes = []string{"环比为与上期相比的增减幅度；上期为零时不计。"}
	avg := t.Figure(AverageScore)
	text := fmt.Sprintf("平均分%s分（得分合计%d÷%s%d", decimal(avg), avg.Numerator, avg.Base, avg.Denominator)
	if s := r.def.Scale; s != 1 {
		text += fmt.Sprintf("×%g", s)
	}
	text += "）"
	if d, ok := t.Change(AverageScore); ok {
		text += fmt.Sprintf("，较上期%s分", signed(d))
	}
	return Section{Heading: "总体情况", Paragraphs: []string{text + "。"}, Table: tab}, nil
}

// rateSection is the county's rates, each with its numerator, denominator and base, the
// previous period and the change in percentage points.
func rateSection(_ *Report, _ Period, t Row, _ *BulletinOptions) (Section, error) {
	tab := &Table{Sheet: "主要比率", Columns: []Column{{"指标", FormatText}, {"本期", FormatPercent}, {"分子", FormatInt},
		{"分母", FormatInt}, {"分母口径", FormatText}, {"上期", FormatPercent}, {"环比（百分点）", FormatDelta}}}
	for i, id := range indicatorIDs {
		if f := t.Figures[i]; id.IsRate() {
			tab.Rows = append(tab.Rows, []Cell{Text(id.Label()), value(f), Number(float64(f.Numerator)),
				Number(float64(f.Denominator)), Text(f.Base), previous(t, i), changeCell(t, id)})
		}
	}
	tab.Notes = []string{"比率的环比为与上期相差的百分点；分子、分母均为计数，分母口径见各行。"}
	return Section{Heading: "主要比率指标", Table: tab}, nil
}

// previous returns the cell of the previous period's figure i of row w, blank without one.
func previous(w Row, i int) Cell {
	if i < len(w.Previous) {
		return value(w.Previous[i])
	}
	return Blank()
}

func unitSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	rows, err := r.Rows(p, ByUnit)
	if err != nil {
		return Section{}, err
	}
	rows = slices.DeleteFunc(rows, func(w Row) bool { return w.Figure(Ratings).Numerator == 0 && w.Figure(Cases).Numerator == 0 })
	tab := &Table{Sheet: "各单位", Columns: []Column{{"排名", FormatText}, {"单位", FormatText}, {"评价数", FormatInt},
		{"好评数", FormatInt}, {"好评率", FormatPercent}, {"差评数", FormatInt}, {"差评率", FormatPercent},
		{"平均分", FormatDecimal}, {"好评率环比（百分点）", FormatDelta}}}
	for _, w := range rows {
		g := w.Figure(GoodRate)
		tab.Rows = append(tab.Rows, []Cell{rankCell(w), Text(w.Name), Number(float64(w.Figure(Ratings).Numerator)),
			Number(float64(g.Numerator)), value(g), Number(float64(w.Figure(BadReviews).Numerator)), value(w.Figure(BadRate)),
			value(w.Figure(AverageScore)), changeCell(w, GoodRate)})
	}
	tab.Notes = []string{"按" + r.def.RankBy.Label() + "排名，相同者并列；好评率=好评数÷" + rows0Base(rows, GoodRate) + "。"}
	return Section{Heading: "各单位评价情况", Table: tab,
		Chart: &Chart{Kind: ChartBar, Title: "各单位差评数", Labels: 1, Values: []int{5}}}, nil
}

// rows0Base returns the base of an indicator as the rows state it, or 评价数.
func rows0Base(rows []Row, id IndicatorID) string {
	for _, w := range rows {
		if f := w.Figure(id); f.Base != "" {
			return f.Base
		}
	}
	return "评价数"
}

func windowSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	rows, err := r.Rows(p, ByWindow)
	if err != nil {
		return Section{}, err
	}
	tab := &Table{Sheet: "各窗口", Columns: []Column{{"排名", FormatText}, {"窗口", FormatText}, {"所属单位", FormatText},
		{"评价数", FormatInt}, {"好评率", FormatPercent}, {"差评数", FormatInt}, {"平均分", FormatDecimal},
		{"差评办件数", FormatInt}, {"超期办件数", FormatInt}}}
	for _, w := range rows {
		if w.Key == "" && w.Figure(Ratings).Numerator == 0 && w.Figure(Cases).Numerator == 0 {
			continue
		}
		tab.Rows = append(tab.Rows, []Cell{rankCell(w), Text(w.Name), Text(r.def.name(w.Unit)),
			Number(float64(w.Figure(Ratings).Numerator)), value(w.Figure(GoodRate)), Number(float64(w.Figure(BadReviews).Numerator)),
			value(w.Figure(AverageScore)), Number(float64(w.Figure(Cases).Numerator)), Number(float64(w.Figure(OverdueCases).Numerator))})
	}
	return Section{Heading: "各窗口评价情况", Table: tab}, nil
}

func channelSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	rows, err := r.Rows(p, ByChannel)
	if err != nil {
		return Section{}, err
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return channelOrder(a.Key) - channelOrder(b.Key) })
	tab := &Table{Sheet: "评价渠道", Columns: []Column{{"评价渠道", FormatText}, {"评价数", FormatInt}, {"主动评价数", FormatInt},
		{"主动评价率", FormatPercent}, {"好评率", FormatPercent}, {"差评数", FormatInt}, {"差评办件数", FormatInt}}}
	for _, w := range rows {
		tab.Rows = append(tab.Rows, []Cell{Text(w.Name), Number(float64(w.Figure(Ratings).Numerator)),
			Number(float64(w.Figure(ActiveRatings).Numerator)), value(w.Figure(ActiveRate)), value(w.Figure(GoodRate)),
			Number(float64(w.Figure(BadReviews).Numerator)), Number(float64(w.Figure(Cases).Numerator))})
	}
	tab.Notes = []string{"现场投诉不经评价渠道，只计差评办件数。"}
	return Section{Heading: "各评价渠道情况", Table: tab,
		Chart: &Chart{Kind: ChartShare, Title: "评价数渠道占比", Labels: 0, Values: []int{1}}}, nil
}

// channelOrder orders channel rows as the channels are listed, on-site complaints last.
func channelOrder(key string) int {
	var ch haochaping.Channel
	if ch.UnmarshalText([]byte(key)) == nil {
		return int(ch)
	}
	return 1 << 10
}

func optionSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	shares, err := r.Options(p)
	if err != nil {
		return Section{}, err
	}
	tab := &Table{Sheet: "差评选项", Columns: []Column{{"编号", FormatText}, {"差评选项", FormatText}, {"评价维度", FormatText},
		{"次数", FormatInt}, {"占比", FormatPercent}}}
	for _, s := range shares {
		dim := "未分类"
		if s.Dimension.Valid() {
			dim = s.Dimension.Label()
		}
		tab.Rows = append(tab.Rows, []Cell{Text(s.Key), Text(strings.TrimPrefix(s.Label, s.Key+" ")), Text(dim),
			Number(float64(s.Count)), Number(s.Share)})
	}
	tab.Notes = []string{"评价人勾选的差评选项（附件1），一条差评可勾选多项；占比为占全部勾选次数的比例。"}
	s := Section{Heading: "差评选项分布", Table: tab}
	if len(shares) > 0 {
		s.Chart = &Chart{Kind: ChartBar, Title: "差评选项勾选次数（按编号）", Labels: 0, Values: []int{3}}
	}
	return s, nil
}

func causeSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	causes, err := r.Causes(p)
	if err != nil {
		return Section{}, err
	}
	dims, err := r.Dimensions(p)
	if err != nil {
		return Section{}, err
	}
	said := map[string]int64{}
	for _, d := range dims {
		said[d.Label] = d.Count
	}
	tab := &Table{Sheet: "差评原因", Columns: []Column{{"评价维度", FormatText}, {"经核实原因数", FormatInt},
		{"占比", FormatPercent}, {"评价人勾选次数", FormatInt}}}
	for _, c := range causes {
		tab.Rows = append(tab.Rows, []Cell{Text(c.Label), Number(float64(c.Count)), Number(c.Share), Number(float64(said[c.Label]))})
	}
	tab.Notes = []string{"经核实属实的差评，按调查认定的原因归类（第十条）；一件差评可有多项原因。"}
	s := Section{Heading: "差评原因分析", Table: tab}
	if len(causes) > 0 {
		s.Chart = &Chart{Kind: ChartShare, Title: "经核实差评原因占比", Labels: 0, Values: []int{1}}
	}
	return s, nil
}

func handlingSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	rows, err := r.Rows(p, ByUnit)
	if err != nil {
		return Section{}, err
	}
	rows = slices.DeleteFunc(rows, func(w Row) bool { return w.Figure(Cases).Numerator == 0 })
	slices.SortStableFunc(rows, func(a, b Row) int { return strings.Compare(a.Key, b.Key) })
	tab := &Table{Sheet: "差评办件处理", Columns: []Column{{"单位", FormatText}, {"办件", FormatInt},
		{"需整改", FormatInt}, {"已整改", FormatInt}, {"整改率", FormatPercent}, {"按期率", FormatPercent},
		{"回访率", FormatPercent}, {"满意率", FormatPercent}, {"申诉", FormatInt}, {"成立率", FormatPercent},
		{"超期", FormatInt}}}
	for _, w := range rows {
		rr := w.Figure(RectifyRate)
		tab.Rows = append(tab.Rows, []Cell{Text(w.Name), Number(float64(w.Figure(Cases).Numerator)),
			Number(float64(rr.Denominator)), Number(float64(rr.Numerator)), value(rr), value(w.Figure(OnTimeRate)),
			value(w.Figure(CallbackRate)), value(w.Figure(SatisfiedRate)), Number(float64(w.Figure(Appeals).Numerator)),
			value(w.Figure(UpheldRate)), Number(float64(w.Figure(OverdueCases).Numerator))})
	}
	tab.Notes = []string{"办件：差评办件数；整改率：差评整改率=已整改÷需整改（" + rows0Base(rows, RectifyRate) + "）；" +
		"按期率：按期整改率=专题分析会、调查整改报告、整改、反馈均按期完成的÷已整改；回访率：实名差评回访率=回访联系上的实名差评÷实名差评；" +
		"满意率：回访满意率=再次回访满意÷再次回访；申诉：报市督查科申诉数；成立率：申诉成立率=成立÷已答复；超期：超期办件数。"}
	return Section{Heading: "差评办件处理情况", Table: tab}, nil
}

func overdueSection(r *Report, p Period, _ Row, _ *BulletinOptions) (Section, error) {
	list, err := r.Overdue(p)
	if err != nil {
		return Section{}, err
	}
	tab := &Table{Sheet: "超期办件", Columns: []Column{{"办件编号", FormatText}, {"窗口", FormatText},
		{"超期事项", FormatText}, {"依据", FormatText}, {"应完成时间", FormatText}, {"完成时间", FormatText}}}
	for _, o := range list {
		done := "至今未完成"
		if !o.Done.IsZero() {
			done = o.Done.In(haochaping.Location()).Format("2006-01-02 15:04")
		}
		tab.Rows = append(tab.Rows, []Cell{Text(o.Case), Text(r.def.name(o.Window)), Text(o.Duty),
			Text(o.Rule), Text(o.Due.In(haochaping.Location()).Format("2006-01-02 15:04")), Text(done)})
	}
	s := Section{Heading: "超期办件情况", Table: tab}
	if len(list) == 0 { // the sentence alone: a table of headers under it read as a form left blank
		s.Paragraphs, s.Table = []string{"本期无超期办件。"}, nil
	} else {
		s.Paragraphs = []string{fmt.Sprintf("本期有%d项办理时限超期，涉及办件如下，请相关单位认真查找原因、按时办结。", len(list))}
	}
	return s, nil
}

func trendSection(r *Report, p Period, _ Row, opt *BulletinOptions) (Section, error) {
	n := opt.Trend
	if n <= 0 {
		n = 6
	}
	var months []Period
	for _, m := range Months(p, n) {
		if slices.Contains(r.periods, m) {
			months = append(months, m)
		}
	}
	if len(months) < 2 {
		return Section{}, nil
	}
	tab := &Table{Sheet: "趋势", Columns: []Column{{"月份", FormatText}, {"评价数", FormatInt}, {"好评率", FormatPercent},
		{"主动评价好评率", FormatPercent}, {"差评数", FormatInt}, {"差评办件数", FormatInt}}}
	for _, m := range months {
		rows, err := r.Rows(m, ByTotal)
		if err != nil {
			return Section{}, err
		}
		w := Row{Figures: r.figures(&totals{})}
		if len(rows) > 0 {
			w = rows[0]
		}
		tab.Rows = append(tab.Rows, []Cell{Text(m.Label()), Number(float64(w.Figure(Ratings).Numerator)), value(w.Figure(GoodRate)),
			value(w.Figure(ActiveGoodRate)), Number(float64(w.Figure(BadReviews).Numerator)), Number(float64(w.Figure(Cases).Numerator))})
	}
	return Section{Heading: fmt.Sprintf("近%d个月趋势", len(months)), Table: tab,
		Chart: &Chart{Kind: ChartLine, Title: "好评率走势", Labels: 0, Values: []int{2, 3}}}, nil
}

func appraisalSection(r *Report, p Period, _ Row, opt *BulletinOptions) (Section, error) {
	a := opt.Appraisal
	if a == nil {
		return Section{}, nil
	}
	tab := &Table{Sheet: "绩效扣分", Columns: []Column{{"单位", FormatText}, {"扣分合计", FormatDecimal},
		{"其中责任人", FormatDecimal}, {"其中窗口", FormatDecimal}, {"其中单位", FormatDecimal}, {"扣分项数", FormatInt}}}
	units := a.ByUnit()
	slices.SortStableFunc(units, func(x, y Account) int { return cmp.Compare(y.Points, x.Points) })
	for _, acc := range units {
		var by [3]Points
		for _, l := range acc.Lines {
			by[slices.Index([]Target{TargetPerson, TargetWindow, TargetUnit}, l.Target)] += l.Points
		}
		tab.Rows = append(tab.Rows, []Cell{Text(r.def.name(acc.ID)), Number(acc.Points.Float()), Number(by[0].Float()),
			Number(by[1].Float()), Number(by[2].Float()), Number(float64(len(acc.Lines)))})
	}
	s := Section{Heading: "绩效扣分情况", Table: tab, Paragraphs: []string{fmt.Sprintf(
		"依据“%s”，本期备案差评办件%d件，其中经查属实%d件、误评或不实差评%d件（不扣分），共扣%s分，明细见绩效扣分台账。",
		a.Rules, a.Cases, a.Scored, a.Exempt, a.Total())}}
	if len(tab.Rows) > 0 {
		s.Chart = &Chart{Kind: ChartBar, Title: "各单位扣分", Labels: 0, Values: []int{2, 3, 4}}
	}
	return s, nil
}
