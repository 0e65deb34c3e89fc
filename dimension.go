package haochaping

// Dimension is an evaluation dimension (评价维度) of Annex 1.
type Dimension uint8

// The five dimensions of Annex 1.
// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	DimensionAttitude    Dimension = iota + 1 // 服务态度
	DimensionQuality                          // 服务质量
	DimensionEfficiency                       // 服务效率
	DimensionEnvironment                      // 服务环境
	DimensionOther                            // 其他: free text written by the reviewer
)

var dimensions = enum[Dimension]{
	kind:   "dimension",
	labels: []string{"", "服务态度", "服务质量", "服务效率", "服务环境", "其他"},
	text:   []string{"", "attitude", "quality", "efficiency", "environment", "other"},
}

// Dimensions returns the five dimensions in the order of Annex 1.
func Dimensions() []Dimension { return dimensions.values() }

// Valid reports whether d is one of the five dimensions.
func (d Dimension) Valid() bool { return dimensions.valid(d) }

// Label returns the Chinese label, e.g. "服务态度".
func (d Dimension) Label() string { return dimensions.label(d) }

// String returns the stable text code, e.g. "attitude".
func (d Dimension) String() string { return dimensions.String(d) }

// MarshalText encodes d as its stable text code, e.g. "attitude".
func (d Dimension) MarshalText() ([]byte, error) { return dimensions.marshal(d) }

// UnmarshalText decodes a text code written by [Dimension.MarshalText] or a Chinese label.
func (d *Dimension) UnmarshalText(b []byte) error { return dimensions.unmarshal(b, d) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (d *Dimension) UnmarshalJSON(b []byte) error { return dimensions.unmarshalJSON(b, d) }
