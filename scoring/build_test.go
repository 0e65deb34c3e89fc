package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/scoring"
)

// The monthly bulletin of the small month: its lead states the hand-computed figures, its
// tables hold them, and it names the overdue duties.
func TestBuildBulletinMonth(t *testing.T) {
	r := monthReport(t, scoring.Definition{Names: map[string]string{"d-tax": "县税务局", "d-hr": "县人社局", "center": "县政务服务中心"}})
	a, err := scoring.Appraise(testRules(t), november, scoring.All(monthCases()))
	require.NoError(t, err)
	b, err := scoring.BuildBulletin(r, november, scoring.BulletinOptions{Appraisal: a})
	require.NoError(t, err)
	require.NoError(t, b.Validate())
	assert.Equal(t, "关于2026年11月政务服务“好差评”工作情况的通报", b.Title)
	assert.Contains(t, b.Lead[0], "共收到评价15条，其中主动评价12条，主动评价率80.00%；好评率80.00%（环比+5.00个百分点）；差评3条，差评率20.00%；平均分3.93。")
	assert.Contains(t, b.Lead[1], "本月受理差评办件5件，需整改4件，已整改3件，差评整改率75.00%，按期整改率66.67%")
	assert.Contains(t, b.Lead[2], "仅为示例")

	sections := map[string]scoring.Section{}
	for _, s := range b.Sections {
		sections[s.Heading] = s
	}
	units := sections["各单位评价情况"].Table
	require.NotNil(t, units)
	assert.Equal(t, "县人社局", units.Rows[0][1].Text)
	assert.Equal(t, "1", units.Rows[0][0].Text)
	assert.InDelta(t, 0.8, units.Rows[1][4].Value, 1e-12) // 县税务局 好评率
	assert.InDelta(t, 100*(0.8-2.0/3), units.Rows[1][8].Value, 1e-9)

	overdue := sections["超期办件情况"].Table
	require.Len(t, overdue.Rows, 2)
	assert.Equal(t, "C2", overdue.Rows[0][0].Text)
	assert.Equal(t, "报送调查整改报告", overdue.Rows[0][2].Text)
	assert.Equal(t, "第五条", overdue.Rows[0][3].Text)
	assert.Equal(t, "至今未完成", overdue.Rows[1][5].Text) // C4's new report

	rates := sections["主要比率指标"].Table
	require.NotNil(t, rates)
	assert.Equal(t, "差评整改率", rates.Rows[4][0].Text)
	assert.Equal(t, []float64{0.75, 3, 4}, []float64{rates.Rows[4][1].Value, rates.Rows[4][2].Value, rates.Rows[4][3].Value})
	assert.Equal(t, "属实差评办件数", rates.Rows[4][4].Text)
	// October: 5 + 5 + 2 + 5 = 17 points over 4 ratings, 4.25; November 3.93.
	assert.Equal(t, []string{"平均分3.93分（得分合计59÷评价数15），较上期-0.32分。"}, sections["总体情况"].Paragraphs)

	pay := sections["绩效扣分情况"].Table
	require.Len(t, pay.Rows, 2)
	assert.Equal(t, "县税务局", pay.Rows[0][0].Text) // most deducted first
	assert.InDelta(t, 5.9, pay.Rows[0][1].Value, 1e-12)
	assert.InDelta(t, 1.2, pay.Rows[1][1].Value, 1e-12)

	trend := sections["近2个月趋势"].Table
	require.Len(t, trend.Rows, 2)
	assert.Equal(t, "2026年10月", trend.Rows[0][0].Text)

	_, err = scoring.BuildBulletin(r, scoring.Month(2025, 1), scoring.BulletinOptions{})
	require.Error(t, err)
}

// A value that rounds to zero is written without a sign: the Markdown fuzz test found
// "-0" for -0.4 in a count column.
func TestCellFormatNoNegativeZero(t *testing.T) {
	for f, want := range map[scoring.Format]string{scoring.FormatInt: "0", scoring.FormatDecimal: "0.00",
		scoring.FormatPercent: "0.00%", scoring.FormatDelta: "+0.00", scoring.FormatDeltaPercent: "+0.00%"} {
		assert.Equal(t, want, scoring.Number(-0.00004).Format(f), f)
	}
	assert.Equal(t, "-1", scoring.Number(-0.6).Format(scoring.FormatInt))
	assert.Equal(t, "95.32%", scoring.Number(0.9532).Format(scoring.FormatPercent))
}

// Regression: the lead wrote 19,897 of 20,000 as 99.48% (fmt rounds the binary value of
// 99.485 down) while the table wrote 99.49%; both now go through Cell.Format.
func TestBulletinProseAndTablesRoundAlike(t *testing.T) {
	f := scoring.Figure{ID: scoring.GoodRate, Numerator: 19897, Denominator: 20000, Value: 19897.0 / 20000, Defined: true}
	assert.Equal(t, "99.49%", scoring.Number(f.Value).Format(scoring.FormatPercent))
	assert.Equal(t, "99.49%", scoring.PercentForTest(f))
}

// A month without an overdue duty says so, with no table of headers under the sentence: the
// portal's first bulletin showed an empty 超期办件 table, read as a form left blank.
func TestBulletinWithoutOverdueHasNoTable(t *testing.T) {
	r := monthReport(t, scoring.Definition{})
	b, err := scoring.BuildBulletin(r, october, scoring.BulletinOptions{})
	require.NoError(t, err)
	require.NoError(t, b.Validate())
	for _, s := range b.Sections {
		if s.Heading == "超期办件情况" {
			assert.Nil(t, s.Table)
			assert.Equal(t, []string{"本期无超期办件。"}, s.Paragraphs)
			return
		}
	}
	t.Fatal("no section 超期办件情况")
}
