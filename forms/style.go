package forms

// Style is how the print formats (HTML and .docx) set a document: fonts, sizes, margins,
// and for .docx the skeleton it fills. The zero value is not ready: start from
// [DefaultStyle] and change what the county's office uses.
type Style struct {
	// BodyFont and TitleFont are font families, each a list of names tried in order: the
	// first is what Word and WPS are asked for (w:eastAsia), the rest fallbacks for HTML.
	BodyFont  []string
	TitleFont []string
	// BodySize and TitleSize are in half-points (32 = 16 pt, 三号; 28 = 14 pt, 四号).
	BodySize, TitleSize int
	// TableSize is the size of text in tables, in half-points.
	TableSize int
	// Margins of an A4 page, in twips (567 to the centimetre): top, right, bottom, left.
	Margins [4]int
	// Skeleton, when set, is a .docx whose parts other than word/document.xml (styles,
	// settings, theme, headers) the .docx renderer keeps: a county's own template. Nil
	// means the package's embedded skeleton.
	Skeleton []byte
}

// DefaultStyle returns the style of GB/T 9704 (党政机关公文格式): A4 with margins of 37 mm
// top, 26 mm right, 35 mm bottom and 28 mm left; 仿宋 three-size (16 pt) body, 方正小标宋
// (falling back to 宋体) two-size (22 pt) titles; 四号 (14 pt) in tables.
func DefaultStyle() Style {
	return Style{
		BodyFont:  []string{"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "serif"},
		TitleFont: []string{"方正小标宋简体", "宋体", "SimSun", "STSong", "Noto Serif CJK SC", "serif"},
		BodySize:  32,
		TitleSize: 44,
		TableSize: 28,
		Margins:   [4]int{mm(37), mm(26), mm(35), mm(28)},
	}
}

// A4 is the page size in twips.
const (
	A4Width  = 11906
	A4Height = 16838
)

// mm returns n millimetres in twips.
func mm(n int) int { return n * 1440 * 10 / 254 }

// TextWidth returns the width of the page between the margins, in twips: what a table's
// grid fills.
func (s Style) TextWidth() int { return A4Width - s.Margins[1] - s.Margins[3] }

// withDefaults returns s with every field left zero (fonts, sizes, margins) taken from
// [DefaultStyle]: what both print renderers set a document with.
func (s Style) withDefaults() Style {
	def := DefaultStyle()
	if len(s.BodyFont) == 0 || s.BodyFont[0] == "" {
		s.BodyFont = def.BodyFont
	}
	if len(s.TitleFont) == 0 || s.TitleFont[0] == "" {
		s.TitleFont = def.TitleFont
	}
	if s.BodySize <= 0 {
		s.BodySize = def.BodySize
	}
	if s.TitleSize <= 0 {
		s.TitleSize = def.TitleSize
	}
	if s.TableSize <= 0 {
		s.TableSize = def.TableSize
	}
	if s.Margins == [4]int{} {
		s.Margins = def.Margins
	}
	return s
}
