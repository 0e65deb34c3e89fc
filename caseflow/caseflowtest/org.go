package caseflowtest

import "github.com/haochaping/haochaping"

// County returns the county service centre (县政务服务中心), the kit's default centre.
func County() haochaping.Org {
	return haochaping.Org{ID: "rongan-center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter}
}

// Township returns a township service centre (乡（镇）政务服务中心) of the county, whose own
// leader in charge coordinates the on-site complaints made there (第四条（二）).
func Township() haochaping.Org {
	return haochaping.Org{ID: "dajiang-center", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter,
		Parent: County().ID}
}

// Window returns the kit's default window: the tax bureau's department window (进驻部门窗口)
// in the county centre, the responsible window (承办窗口) the kit transfers cases to.
func Window() haochaping.Window {
	return haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow,
		Center: County().ID, Department: "tax-bureau"}
}

// TownshipWindow returns a business window (业务窗口) of the [Township] centre, the
// responsible window of the complaints made there.
func TownshipWindow() haochaping.Window {
	return haochaping.Window{ID: "w-dajiang", Name: "大将镇综合窗口", Kind: haochaping.BusinessWindow,
		Center: Township().ID}
}
