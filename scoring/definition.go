package scoring

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/haochaping/haochaping"
)

// Definition says how the indicators are counted: the county's own definitions where they
// differ from the usual ones. Its zero value is [DefaultDefinition]: every field left zero
// takes the default.
type Definition struct {
	// Good are the levels that count as good (好评); nil means 非常满意, 满意 and 基本满意.
	// The bad levels (差评) are always 不满意 and 非常不满意 (第二条).
	Good []haochaping.Level `json:"good,omitempty"`
	// ExcludeDefault leaves ratings given by default (默认评价) out of 评价数, 好评率, 差评率 and
	// 平均分; by default they count, as the rating system counts them. 主动评价 figures count
	// only the reviewers' own ratings either way.
	ExcludeDefault bool `json:"excludeDefault,omitempty"`
	// Points are the points of each level for 平均分; the zero value means 5, 4, 3, 2 and 1.
	Points haochaping.PointScale `json:"points,omitzero"`
	// Scale multiplies the average of Points: 20 turns a 1–5 average into a 100-point one;
	// 0 means 1.
	Scale float64 `json:"scale,omitempty"`
	// RectifyBase says which cases the denominator of 差评整改率 counts: "justified" (the
	// default) counts the cases whose review was found founded (需要整改的差评办件); "all"
	// counts every case but those found mistaken or untrue and those withdrawn.
	RectifyBase RectifyBase `json:"rectifyBase,omitempty"`
	// VolumeBase computes 主动评价率 and 差评率 over the matters handled (办件量) where
	// [Report.SetVolume] gave them for the unit and period, and over the ratings elsewhere;
	// each figure says which base it used.
	VolumeBase bool `json:"volumeBase,omitempty"`
	// Units maps the department codes the rating system pushes (受理部门代码) to the IDs of
	// the county's units (its org chart's department or centre IDs), where they differ, so
	// that a unit's ratings and its cases are counted together. A code not in the map is
	// its own unit.
	Units map[string]string `json:"units,omitempty"`
	// Names gives the names of units and windows, by ID, for tables and charts; an ID not
	// in the map is shown as it is.
	Names map[string]string `json:"names,omitempty"`
	// RankBy is the indicator units and windows are ranked by, best first; empty means
	// 好评率, then 平均分 breaking ties. A lower 差评率 ranks higher.
	RankBy IndicatorID `json:"rankBy,omitempty"`
}

// RectifyBase names the cases the denominator of 差评整改率 counts.
type RectifyBase string

// The bases of 差评整改率.
const (
	RectifyJustified RectifyBase = "justified" // the cases found founded
	RectifyAll       RectifyBase = "all"       // every case not found mistaken or untrue, nor withdrawn
)

// DefaultDefinition returns the usual definitions: 好评 is 非常满意, 满意 or 基本满意; default
// ratings count; 平均分 on 5, 4, 3, 2, 1; 差评整改率 over the founded cases; rates over the
// ratings; units as pushed; ranked by 好评率.
func DefaultDefinition() Definition {
	return Definition{
		Good:        []haochaping.Level{haochaping.VerySatisfied, haochaping.Satisfied, haochaping.BasicallySatisfied},
		Points:      haochaping.PointScale{VerySatisfied: 5, Satisfied: 4, BasicallySatisfied: 3, Dissatisfied: 2, VeryDissatisfied: 1},
		Scale:       1,
		RectifyBase: RectifyJustified,
		RankBy:      GoodRate,
	}
}

// withDefaults returns d with every zero field set to its default.
func (d Definition) withDefaults() Definition {
	def := DefaultDefinition()
	if d.Good == nil {
		d.Good = def.Good
	}
	if d.Points == (haochaping.PointScale{}) {
		d.Points = def.Points
	}
	if d.Scale == 0 {
		d.Scale = def.Scale
	}
	if d.RectifyBase == "" {
		d.RectifyBase = def.RectifyBase
	}
	if d.RankBy == "" {
		d.RankBy = def.RankBy
	}
	return d
}

// Validate reports every problem of the definition: a good level that is unknown or bad,
// a scale that is negative or not finite, an unknown base or indicator to rank by.
func (d Definition) Validate() error {
	var errs []error
	for i, l := range d.Good {
		if !l.Valid() || l.IsBad() {
			errs = append(errs, fmt.Errorf("scoring: definition good[%d]: %s: want 非常满意, 满意 or 基本满意", i, l))
		}
	}
	if math.IsNaN(d.Scale) || math.IsInf(d.Scale, 0) || d.Scale < 0 || d.Scale > 1000 {
		errs = append(errs, fmt.Errorf("scoring: definition scale: %v: want 0 (meaning 1) to 1000", d.Scale))
	}
	if d.RectifyBase != "" && d.RectifyBase != RectifyJustified && d.RectifyBase != RectifyAll {
		errs = append(errs, fmt.Errorf("scoring: definition rectifyBase: %.20q: want justified or all", d.RectifyBase))
	}
	if d.RankBy != "" && !slices.Contains(indicatorIDs, d.RankBy) {
		errs = append(errs, fmt.Errorf("scoring: definition rankBy: %.20q is not an indicator", d.RankBy))
	}
	return errors.Join(errs...)
}

// good reports whether l counts as good.
func (d *Definition) good(l haochaping.Level) bool { return slices.Contains(d.Good, l) }

// unit returns the unit of a department code pushed with a rating.
func (d *Definition) unit(code string) string {
	if u, ok := d.Units[code]; ok {
		return u
	}
	return code
}

// name returns the name of a unit or window.
func (d *Definition) name(id string) string {
	if n, ok := d.Names[id]; ok {
		return n
	}
	if id == "" {
		return "未注明"
	}
	return id
}
