package monthgen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/scoring"
)

// onSiteShare is the share of ratings given on site (现场评价仪, 二维码, 自助终端); the rest come
// online (广西政务APP, 移动端, PC端).
const onSiteShare = 0.78

// channelDef is a channel's share within its mode, the chance a rating through it is given
// by default (默认评价), the level a default rating gets, and the chance it is anonymous.
type channelDef struct {
	ch        haochaping.Channel
	share     float64
	dflt      float64
	dfltLevel haochaping.Level
	anon      float64
}

// The channels of each mode. A device or QR code that times out rates 满意 by default; an
// online matter left unrated rates 非常满意 (the generator's convention: the measures and
// the push interface leave the default level to the province).
var (
	onSiteChannels = []channelDef{
		{haochaping.ChannelDevice, 0.70, 0.08, haochaping.Satisfied, 0.04},
		{haochaping.ChannelQRCode, 0.25, 0.10, haochaping.Satisfied, 0.30},
		{haochaping.ChannelKiosk, 0.05, 0.10, haochaping.Satisfied, 0.10},
	}
	onlineChannels = []channelDef{
		{haochaping.ChannelGuangxiApp, 0.50, 0.30, haochaping.VerySatisfied, 0.02},
		{haochaping.ChannelMobile, 0.25, 0.30, haochaping.VerySatisfied, 0.02},
		{haochaping.ChannelPC, 0.25, 0.30, haochaping.VerySatisfied, 0.02},
	}
)

// freeTexts are what reviewers write beside their options, by dimension (其他 for none).
var freeTexts = [...][]string{
	haochaping.DimensionAttitude:    {"工作人员态度生硬，问了几遍都不耐烦", "窗口人员一直看手机，爱理不理", "材料缺什么不一次说清楚，来回跑了三趟"},
	haochaping.DimensionQuality:     {"办事指南写的材料和窗口要求的不一样", "同样的材料交了两次", "说好网上能办，结果还是要到现场"},
	haochaping.DimensionEfficiency:  {"排队等了一个多小时", "超过承诺时间还没办好", "工作人员业务不熟，一个业务办了很久"},
	haochaping.DimensionEnvironment: {"大厅指引不清楚，找不到窗口", "系统老是卡，办到一半断网", "取号机坏了没人管"},
	haochaping.DimensionOther:       {"大厅周边停车太难", "希望增加周末延时服务", "中午休息时间太长"},
}

// ratingGen generates the ratings of months, fast: a Review per rating and nothing else
// but the options of the bad ones; its strings are shared or sliced from one buffer a month.
type ratingGen struct {
	c         *county
	cal       *deadline.Calendar
	r         *rand.Rand
	cum       []float64 // cumulative weights of c.windows
	reviewers []haochaping.Reviewer
	byDim     [6][]haochaping.Option // Annex 1's options by dimension
	sessions  []deadline.Session
	seq       int // matters numbered so far
}

func newRatingGen(c *county, cal *deadline.Calendar, seed uint64) *ratingGen {
	g := &ratingGen{c: c, cal: cal, r: rand.New(rand.NewPCG(seed, 0x72617465)), sessions: cal.OfficeHours().Sessions}
	total := 0.0
	for _, w := range c.windows {
		total += w.unit.volume / float64(len(w.unit.windows)) * (0.7 + 0.6*g.r.Float64())
		g.cum = append(g.cum, total)
	}
	for _, o := range haochaping.Annex1().Options() {
		if !o.Retired {
			g.byDim[o.Dimension] = append(g.byDim[o.Dimension], o)
		}
	}
	g.reviewers = make([]haochaping.Reviewer, 4096)
	for i := range g.reviewers {
		rv := haochaping.Reviewer{Name: reviewerName(g.r), Gender: haochaping.Male, Kind: haochaping.NaturalPerson}
		if g.r.IntN(2) == 0 {
			rv.Gender = haochaping.Female
		}
		if g.r.IntN(100) >= 6 { // some reviewers give no phone
			rv.Phone = "1" + string("35789"[g.r.IntN(5)]) + fmt.Sprintf("%09d", g.r.IntN(1_000_000_000))
		}
		g.reviewers[i] = rv
	}
	return g
}

// reviewerName returns a plausible name, not necessarily unique.
func reviewerName(r *rand.Rand) string {
	n := string(surnames[r.IntN(len(surnames))]) + string(givenChars[r.IntN(len(givenChars))])
	if r.IntN(3) > 0 {
		n += string(givenChars[r.IntN(len(givenChars))])
	}
	return n
}

// days returns midnight of each day of p, and of its working days.
func (g *ratingGen) days(p scoring.Period) (all, work []time.Time, err error) {
	for d := p.From; d.Before(p.To); d = d.AddDate(0, 0, 1) {
		ok, err := g.cal.IsWorkday(d)
		if err != nil && !errors.Is(err, deadline.ErrProvisional) {
			return nil, nil, fmt.Errorf("monthgen: %v: %w", p, err)
		}
		all = append(all, d)
		if ok {
			work = append(work, d)
		}
	}
	if len(work) == 0 {
		return nil, nil, fmt.Errorf("monthgen: %v has no working day", p)
	}
	return all, work, nil
}

// onSiteTimes returns n rating times (Unix seconds) in office hours of working days, sorted.
func (g *ratingGen) onSiteTimes(work []time.Time, n int) []int64 {
	var total int64
	for _, s := range g.sessions {
		total += int64((s.End - s.Start) / time.Second)
	}
	ts := make([]int64, n)
	for i := range ts {
		day := work[g.r.IntN(len(work))].Unix()
		off := g.r.Int64N(total)
		for _, s := range g.sessions {
			if l := int64((s.End - s.Start) / time.Second); off >= l {
				off -= l
				continue
			}
			day += int64(s.Start/time.Second) + off
			break
		}
		ts[i] = day
	}
	slices.Sort(ts)
	return ts
}

// onlineTimes returns n online rating times, sorted: any day, working days twice as likely,
// from 07:00 to 23:00.
func (g *ratingGen) onlineTimes(all []time.Time, isWork map[int64]bool, n int) []int64 {
	ts := make([]int64, n)
	for i := range ts {
		d := all[g.r.IntN(len(all))]
		if !isWork[d.Unix()] && g.r.IntN(2) == 0 {
			d = all[g.r.IntN(len(all))]
		}
		ts[i] = d.Unix() + 7*3600 + g.r.Int64N(16*3600)
	}
	slices.Sort(ts)
	return ts
}

// month appends the n ratings of month p to dst, in time order.
func (g *ratingGen) month(dst []haochaping.Review, p scoring.Period, n int) ([]haochaping.Review, error) {
	all, work, err := g.days(p)
	if err != nil {
		return nil, err
	}
	isWork := make(map[int64]bool, len(work))
	for _, d := range work {
		isWork[d.Unix()] = true
	}
	nOn := int(float64(n) * onSiteShare)
	on, online := g.onSiteTimes(work, nOn), g.onlineTimes(all, isWork, n-nOn)

	// The IDs of the month in one buffer: "450224-202611-0000001#1", the matter number the
	// ID without its "#1" (服务次数 1).
	width := max(7, len(strconv.Itoa(g.seq+n)))
	prefix := areaCode + "-" + p.From.Format("200601") + "-"
	size := len(prefix) + width + 2
	buf := make([]byte, 0, n*size)
	var scratch [20]byte
	for i := range n {
		buf = append(buf, prefix...)
		num := strconv.AppendInt(scratch[:0], int64(g.seq+i+1), 10)
		for range width - len(num) {
			buf = append(buf, '0')
		}
		buf = append(buf, num...)
		buf = append(buf, "#1"...)
	}
	ids := string(buf)
	g.seq += n

	loc := haochaping.Location()
	n0 := len(dst)
	dst = slices.Grow(dst, n)[:n0+n]
	i, j := 0, 0
	for k := range n {
		var t int64
		chans := onSiteChannels
		if j >= len(online) || (i < len(on) && on[i] <= online[j]) {
			t = on[i]
			i++
		} else {
			t, chans = online[j], onlineChannels
			j++
		}
		id := ids[k*size : (k+1)*size]
		g.rating(&dst[n0+k], id, time.Unix(t, 0).In(loc), chans)
	}
	return dst, nil
}

// rating fills rv, zero, with one rating with the given ID, at t, through one of chans.
func (g *ratingGen) rating(rv *haochaping.Review, id string, t time.Time, chans []channelDef) {
	r := g.r
	w := g.c.windows[sort.SearchFloat64s(g.cum, r.Float64()*g.cum[len(g.cum)-1])]
	u := w.unit
	x := r.Float64()
	ch := chans[len(chans)-1]
	for _, c := range chans {
		if x < c.share {
			ch = c
			break
		}
		x -= c.share
	}
	rv.ID, rv.MatterNumber, rv.ServiceNumber, rv.ServiceItem = id, id[:len(id)-2], 1, u.items[r.IntN(len(u.items))]
	rv.Channel, rv.Time, rv.Window, rv.Department, rv.DepartmentCode = ch.ch, t, w.w.ID, u.name, u.id
	rv.Staff, rv.AreaCode = w.staff[r.IntN(len(w.staff))].Name, areaCode
	if r.Float64() < ch.anon {
		rv.Anonymous = true
	} else {
		rv.Reviewer = g.reviewers[r.IntN(len(g.reviewers))]
	}
	switch x := r.Float64(); {
	case x < u.bad:
		g.bad(rv, u)
	case r.Float64() < ch.dflt:
		rv.Default, rv.Level = true, ch.dfltLevel
	case x < 0.82:
		rv.Level = haochaping.VerySatisfied
	case x < 0.96:
		rv.Level = haochaping.Satisfied
	default:
		rv.Level = haochaping.BasicallySatisfied
	}
}

// bad makes rv a bad review of unit u: its level, one or two Annex 1 options of one
// dimension, and often a line of text.
func (g *ratingGen) bad(rv *haochaping.Review, u *unit) {
	r := g.r
	rv.Level = haochaping.Dissatisfied
	if r.IntN(10) < 3 {
		rv.Level = haochaping.VeryDissatisfied
	}
	dim := g.dimension(u)
	if opts := g.byDim[dim]; len(opts) > 0 {
		k := 1 + r.IntN(2)
		rv.Options = make([]haochaping.Option, 0, k)
		a := r.IntN(len(opts))
		rv.Options = append(rv.Options, opts[a])
		if b := r.IntN(len(opts)); k == 2 && b != a {
			rv.Options = append(rv.Options, opts[b])
		}
	}
	if texts := freeTexts[dim]; dim == haochaping.DimensionOther || r.IntN(2) == 0 {
		rv.FreeText = texts[r.IntN(len(texts))]
	}
}

// dimension returns the dimension a bad review of u complains of: a worse unit's reviewers
// complain more of attitude and efficiency.
func (g *ratingGen) dimension(u *unit) haochaping.Dimension {
	weights := [...]float64{0, 0.25, 0.22, 0.30, 0.15, 0.08}
	if u.worse {
		weights = [...]float64{0, 0.40, 0.12, 0.35, 0.08, 0.05}
	}
	x := g.r.Float64()
	for d := haochaping.DimensionAttitude; d < haochaping.DimensionOther; d++ {
		if x < weights[d] {
			return d
		}
		x -= weights[d]
	}
	return haochaping.DimensionOther
}
