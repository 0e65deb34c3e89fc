package monthgen

import (
	"fmt"
	"math/rand/v2"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// The centres of the generated county. The IDs are the generator's, not the county's.
const (
	centerID     = "center"         // 融安县政务服务中心
	realEstateID = "sub-realestate" // 融安县不动产登记分中心
	areaCode     = "450224"         // 融安县
)

// unitDef is one stationed department the generator can place (进驻部门): its name as a
// bulletin writes it, its window name, the matters it handles, and its share of the
// county's ratings.
type unitDef struct {
	name, short string
	items       []string
	volume      float64
}

// unitDefs are the departments in the order Config.Units takes them.
var unitDefs = []unitDef{
	{"县税务局", "税务", []string{"个人所得税汇算清缴", "发票领用", "新办纳税人套餐式服务", "房产交易税费申报"}, 1.6},
	{"县人社局", "人社", []string{"社会保障卡申领", "城乡居民养老保险参保登记", "失业登记", "就业创业证申领"}, 1.4},
	{"县医保局", "医保", []string{"城乡居民医保参保登记", "异地就医备案", "门诊慢特病待遇认定", "医疗费用零星报销"}, 1.3},
	{"县市场监管局", "市场监管", []string{"个体工商户设立登记", "食品经营许可", "企业变更登记", "企业注销登记"}, 1.0},
	{"县公安局", "公安", []string{"居民身份证换领", "户口迁移", "出入境证件办理", "机动车驾驶证换证"}, 1.3},
	{"县不动产登记中心", "不动产", []string{"不动产转移登记", "不动产抵押登记", "不动产权证书补换", "预告登记"}, 1.2},
	{"县民政局", "民政", []string{"婚姻登记", "最低生活保障申请", "殡葬补贴申领", "残疾人两项补贴申请"}, 0.6},
	{"县交通运输局", "交通运输", []string{"道路运输经营许可", "道路运输从业资格证申领", "车辆营运证年审"}, 0.5},
	{"县住建局", "住建", []string{"建筑工程施工许可", "商品房预售许可", "燃气经营许可"}, 0.4},
	{"县自然资源局", "自然资源", []string{"建设用地规划许可", "乡村建设规划许可", "建设工程规划许可"}, 0.4},
	{"县卫健局", "卫健", []string{"医师执业注册", "出生医学证明补发", "公共场所卫生许可"}, 0.5},
	{"县公积金中心", "公积金", []string{"住房公积金提取", "住房公积金贷款申请", "公积金缴存登记"}, 0.7},
	{"县司法局", "司法", []string{"法律援助申请", "公证咨询"}, 0.3},
	{"县农业农村局", "农业农村", []string{"农药经营许可", "农村宅基地审批"}, 0.3},
	{"县林业局", "林业", []string{"林木采伐许可", "林权类不动产登记咨询"}, 0.2},
	{"县残联", "残联", []string{"残疾人证办理", "残疾人就业登记"}, 0.2},
}

// townships are the township centres (乡（镇）政务服务中心) the generator places, whose business
// windows are rated as their own units.
var townships = []struct{ id, name, short string }{
	{"t-changan", "长安镇政务服务中心", "长安镇"},
	{"t-dajiang", "大将镇政务服务中心", "大将镇"},
}

var townshipItems = []string{"城乡居民养老保险待遇认证", "农村建房申请", "临时救助申请", "新型农村合作医疗缴费"}

// Surnames and given-name characters common in Liuzhou's counties, for staff and reviewers.
var (
	surnames   = []rune("韦覃莫黄蓝梁潘陆廖罗李陈王张刘杨吴周谢龙石蒙")
	givenChars = []rune("丽华志明建军秀英海燕桂芳国强春梅玉兰永红文静晓东小平德新金凤家俊美玲少波丹宁雪")
)

// unit is one rated unit: a stationed department, or a township centre.
type unit struct {
	id, name string
	items    []string
	windows  []*window
	volume   float64 // relative share of ratings
	// bad is the unit's share of bad ratings; late the chance a window report of its
	// comes late; stuck the chance one of its cases is still with the window at Now.
	bad, late, stuck float64
	worse            bool
	leader           caseflow.Actor // its leader in charge (单位分管领导)
}

// window is one rated window with its people.
type window struct {
	w     haochaping.Window
	unit  *unit
	staff []caseflow.Actor // window staff (窗口工作人员)
	head  caseflow.Actor   // the window's head (窗口负责人)
}

// county is the generated org chart and its people.
type county struct {
	orgs     []haochaping.Org
	names    map[string]string
	units    []*unit
	windows  []*window
	centers  map[string]haochaping.Org
	clerks   []caseflow.Actor
	leader   caseflow.Actor
	city     caseflow.Actor
	namesUse map[string]bool
}

// personName returns a new plausible Chinese name, unique within the county.
func (c *county) personName(r *rand.Rand) string {
	for {
		n := string(surnames[r.IntN(len(surnames))]) + string(givenChars[r.IntN(len(givenChars))])
		if r.IntN(4) > 0 {
			n += string(givenChars[r.IntN(len(givenChars))])
		}
		if !c.namesUse[n] {
			c.namesUse[n] = true
			return n
		}
	}
}

// newCounty builds the org chart of cfg: the county centre, the real-estate sub-centre, two
// township centres, cfg.Units departments each with 1 to 4 windows, and the people.
func newCounty(r *rand.Rand, cfg Config) (*county, error) {
	c := &county{names: map[string]string{}, centers: map[string]haochaping.Org{}, namesUse: map[string]bool{}}
	add := func(o haochaping.Org) {
		c.orgs = append(c.orgs, o)
		c.names[o.ID] = o.Name
		if o.Kind.IsCenter() {
			c.centers[o.ID] = o
		}
	}
	add(haochaping.Org{ID: centerID, Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter})
	add(haochaping.Org{ID: realEstateID, Name: "融安县不动产登记分中心", Kind: haochaping.OrgRealEstateSubCenter, Parent: centerID})
	for _, t := range townships {
		add(haochaping.Org{ID: t.id, Name: t.name, Kind: haochaping.OrgTownshipCenter, Parent: centerID})
	}
	var windowOrgs []haochaping.Org
	for i := range cfg.Units {
		d := unitDefs[i%len(unitDefs)]
		if n := i / len(unitDefs); n > 0 { // a county larger than the list: its branches (分局)
			d.name, d.short = fmt.Sprintf("%s第%d分局", d.name, n+1), fmt.Sprintf("%s%d分局", d.short, n+1)
		}
		u := &unit{id: fmt.Sprintf("d-%02d", i+1), name: d.name, items: d.items, volume: d.volume}
		parent := centerID
		if d.short == "不动产" {
			parent = realEstateID
		}
		add(haochaping.Org{ID: u.id, Name: u.name, Kind: haochaping.OrgDepartment, Parent: parent})
		n := 1 + r.IntN(4)
		if d.volume >= 1.2 && n < 2 {
			n = 2 // a busy department keeps two windows at least
		}
		for k := 1; k <= n; k++ {
			windowOrgs = append(windowOrgs, haochaping.Org{ID: fmt.Sprintf("w-%02d-%d", i+1, k),
				Name: fmt.Sprintf("%s%d号窗口", d.short, k), Kind: haochaping.OrgWindow, Parent: u.id})
		}
		c.units = append(c.units, u)
	}
	for _, t := range townships {
		u := &unit{id: t.id, name: t.name, items: townshipItems, volume: 0.3}
		for k := 1; k <= 1+r.IntN(2); k++ {
			windowOrgs = append(windowOrgs, haochaping.Org{ID: fmt.Sprintf("w-%s-%d", t.id[2:], k),
				Name: fmt.Sprintf("%s综合窗口%d", t.short, k), Kind: haochaping.OrgWindow, Parent: t.id})
		}
		c.units = append(c.units, u)
	}
	for _, o := range windowOrgs {
		add(o)
	}
	chart, err := haochaping.NewOrgChart(c.orgs...)
	if err != nil {
		return nil, fmt.Errorf("monthgen: the generated org chart: %w", err)
	}
	byID := map[string]*unit{}
	for _, u := range c.units {
		byID[u.id] = u
		u.leader = caseflow.Actor{ID: "u-" + u.id + "-leader", Name: c.personName(r), Role: caseflow.RoleOrgLeader, Org: u.id}
	}
	for _, o := range windowOrgs {
		hw, err := chart.Window(o.ID)
		if err != nil {
			return nil, fmt.Errorf("monthgen: the generated org chart: %w", err)
		}
		u := byID[o.Parent]
		w := &window{w: hw, unit: u}
		w.head = caseflow.Actor{ID: "u-" + o.ID + "-head", Name: c.personName(r), Role: caseflow.RoleWindowHead, Org: o.ID}
		for k := range 2 + r.IntN(2) {
			w.staff = append(w.staff, caseflow.Actor{ID: fmt.Sprintf("u-%s-%d", o.ID, k+1), Name: c.personName(r),
				Role: caseflow.RoleWindowStaff, Org: o.ID})
		}
		u.windows = append(u.windows, w)
		c.windows = append(c.windows, w)
	}
	c.clerks = []caseflow.Actor{
		{ID: "u-office-1", Name: c.personName(r), Role: caseflow.RoleOffice},
		{ID: "u-office-2", Name: c.personName(r), Role: caseflow.RoleOffice},
	}
	c.leader = caseflow.Actor{ID: "u-leader", Name: c.personName(r), Role: caseflow.RoleLeader}
	c.city = caseflow.Actor{ID: "u-city", Name: c.personName(r), Role: caseflow.RoleCityInspection}
	return c, nil
}

// profile gives each unit its share of bad ratings and its habits: one or two units, chosen
// by the seed, notably worse (about three times the bad ratings, late reports), the others
// around the county's share. The shares are scaled so that the county's is badShare.
func (c *county) profile(r *rand.Rand, badShare float64) {
	depts := len(c.units) - len(townships)
	worse := map[int]bool{r.IntN(depts): true}
	if depts >= 6 {
		worse[r.IntN(depts)] = true
	}
	var sum, weighted float64
	for i, u := range c.units {
		f := 0.5 + 0.8*r.Float64()
		u.late, u.stuck = 0.04+0.06*r.Float64(), 0.02
		if worse[i] {
			f, u.late, u.stuck, u.worse = 2.8+0.6*r.Float64(), 0.35+0.15*r.Float64(), 0.08, true
		}
		u.bad = f
		sum += u.volume
		weighted += u.volume * f
	}
	for _, u := range c.units {
		u.bad *= badShare * sum / weighted
	}
}
