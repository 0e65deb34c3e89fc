package forms

// A Document is one document of the measures as every format renders it: a title and a
// list of blocks. Builders (Registration, InvestigationReport…) fill one from a case;
// renderers (Text, Markdown, HTML, DOCX) write it. Formats cannot drift, for they render
// the same blocks; a county may build its own Document and render it alike.
type Document struct {
	// Name is the document's kind, a stable code used for file names: "registration",
	// "report", "callbacks", "appeal", "closure", "summary", "seal".
	Name string
	// Title is the document's heading, e.g. "差评办件转办登记表".
	Title string
	// Subtitle, when set, stands under the title (a case ID, a day).
	Subtitle string
	Blocks   []Block
}

// Block is one block of a Document: a *Heading, *Paragraph, *Table or *PageBreak.
type Block interface{ block() }

// Heading is a numbered section heading of a report, its number written out as the
// measures write it ("一、申请人基本情况"): no automatic numbering, so every format and
// every word processor shows the same number.
type Heading struct {
	Text string
}

// Paragraph is a paragraph of running text.
type Paragraph struct {
	Text  string
	Align Align
	// Indent indents the first line by two characters, as Chinese official documents do.
	Indent bool
	// Bold sets the paragraph in bold.
	Bold bool
}

// Align is a paragraph's or a cell's alignment.
type Align uint8

// The alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Table is a table with a fixed grid: Widths gives each grid column's width in
// twentieths of a point (twips; 567 to the centimetre), and every row's cells span the
// grid exactly (the sum of their spans is len(Widths)).
type Table struct {
	Widths []int
	Rows   []Row
}

// Row is a table row.
type Row struct {
	Cells []Cell
	// Height is the row's least height in twips (0: as its text needs): room for
	// hand-writing in a blank cell.
	Height int
}

// Cell is a table cell. A cell merged down over the rows below (MergeStart) is followed, in
// the same grid column of each covered row, by a cell with MergeContinue and the same Span,
// which holds no text.
type Cell struct {
	// Lines are the cell's paragraphs; none for a blank cell, which stays blank for
	// hand-writing.
	Lines []string
	// Span is how many grid columns the cell spans; 0 means 1.
	Span  int
	Merge Merge
	// Label marks a cell that names a field (评价人, 办理事项): set centred and bold.
	Label bool
	Align Align
}

// Merge says how a cell takes part in a vertical merge.
type Merge uint8

// The vertical merges.
const (
	MergeNone Merge = iota
	// MergeStart begins a cell merged with the cells below it that continue it.
	MergeStart
	// MergeContinue continues the merged cell above it.
	MergeContinue
)

// PageBreak starts a new page.
type PageBreak struct{}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*Table) block()     {}
func (*PageBreak) block() {}

// span returns the grid columns c spans.
func (c Cell) span() int { return max(c.Span, 1) }
