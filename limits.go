package haochaping

// Limits bound what one record may hold, so that a hostile or broken push costs little to
// refuse. A zero field means its default, given by [DefaultLimits]; a negative one too.
type Limits struct {
	// Push is the most bytes of one pushed record; 64 KiB by default. A longer record is
	// refused before it is parsed.
	Push int
	// Text is the most runes of any one text field (a name, a code, the free text);
	// 2000 by default.
	Text int
	// Options is the most option codes of one record; 32 by default. Annex 1 has 21.
	Options int
	// Problems is the most field errors one error lists; 20 by default. The rest are summed
	// up in one error saying how many more there are.
	Problems int
	// List is the most items of any one list a case's step holds (measures, paragraphs,
	// evidence); 100 by default.
	List int
}

// DefaultLimits returns the limits a zero [Limits] stands for.
func DefaultLimits() Limits {
	return Limits{Push: 64 << 10, Text: 2000, Options: 32, Problems: 20, List: 100}
}

// WithDefaults returns l with every field that is not positive set to its default.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	return Limits{Push: orDefault(l.Push, d.Push), Text: orDefault(l.Text, d.Text),
		Options: orDefault(l.Options, d.Options), Problems: orDefault(l.Problems, d.Problems),
		List: orDefault(l.List, d.List)}
}

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}
