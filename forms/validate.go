package forms

import (
	"errors"
	"fmt"
)

// Validate reports whether d is a document every renderer can write: not nil, no nil
// block, every table with at least one column of positive width, every row's cells
// spanning the grid exactly, and every MergeContinue cell under a MergeStart (or another
// MergeContinue) of the same span in the same grid column. Tables and rows are counted
// from 1, tables apart from the other blocks:
//
//	forms: table 2, row 3: cells span 5 grid columns, the grid has 4
//
// It reports every problem at once (errors.Join). Text, Markdown, HTML and the .docx
// renderer call it before writing anything.
func (d *Document) Validate() error {
	if d == nil {
		return errors.New("forms: nil Document")
	}
	var errs []error
	table := 0
	for i, b := range d.Blocks {
		switch b := b.(type) {
		case nil:
			errs = append(errs, fmt.Errorf("forms: block %d is nil", i+1))
		case *Heading:
			if b == nil {
				errs = append(errs, fmt.Errorf("forms: block %d is a nil *Heading", i+1))
			}
		case *Paragraph:
			if b == nil {
				errs = append(errs, fmt.Errorf("forms: block %d is a nil *Paragraph", i+1))
			}
		case *PageBreak:
		case *Table:
			table++
			if b == nil {
				errs = append(errs, fmt.Errorf("forms: table %d is nil", table))
				continue
			}
			errs = append(errs, b.validate(table)...)
		default:
			errs = append(errs, fmt.Errorf("forms: block %d is a %T, which no renderer knows", i+1, b))
		}
	}
	return errors.Join(errs...)
}

// validate returns the problems of t, the n-th table.
func (t *Table) validate(n int) []error {
	var errs []error
	if len(t.Widths) == 0 {
		errs = append(errs, fmt.Errorf("forms: table %d has no grid columns (Widths is empty)", n))
	}
	for j, w := range t.Widths {
		if w <= 0 {
			errs = append(errs, fmt.Errorf("forms: table %d: grid column %d has width %d, not a positive number of twips", n, j+1, w))
		}
	}
	// above maps the grid column where a cell of the previous row starts to its span, for
	// the cells that begin or continue a vertical merge.
	above := map[int]int{}
	for r, row := range t.Rows {
		here := map[int]int{}
		col := 0
		for i, c := range row.Cells {
			switch c.Merge {
			case MergeStart:
				here[col] = c.span()
			case MergeContinue:
				span, ok := above[col]
				switch {
				case !ok:
					errs = append(errs, fmt.Errorf("forms: table %d, row %d: cell %d (grid column %d) is a MergeContinue without a MergeStart above it in the same grid column", n, r+1, i+1, col+1))
				case span != c.span():
					errs = append(errs, fmt.Errorf("forms: table %d, row %d: cell %d (grid column %d) continues a merge %d grid columns wide but spans %d", n, r+1, i+1, col+1, span, c.span()))
				default:
					here[col] = span
				}
			case MergeNone:
			default:
				errs = append(errs, fmt.Errorf("forms: table %d, row %d: cell %d has an unknown Merge %d", n, r+1, i+1, c.Merge))
			}
			col += c.span()
		}
		if col != len(t.Widths) {
			errs = append(errs, fmt.Errorf("forms: table %d, row %d: cells span %d grid columns, the grid has %d", n, r+1, col, len(t.Widths)))
		}
		above = here
	}
	return errs
}

// A placed cell is a cell of a validated table with its place in the grid.
type placed struct {
	Cell
	// col is the first grid column the cell covers, span how many it covers.
	col, span int
	// rows is how many rows the cell covers: 1, more for a MergeStart with MergeContinue
	// cells below it, 0 for a MergeContinue cell (covered by the cell above).
	rows int
}

// grid places the cells of t, which must be valid.
func (t *Table) grid() [][]placed {
	g := make([][]placed, len(t.Rows))
	open := map[int]*placed{} // grid column → the MergeStart cell merged down from there
	for r, row := range t.Rows {
		g[r] = make([]placed, len(row.Cells))
		col := 0
		for i, c := range row.Cells {
			p := &g[r][i]
			*p = placed{Cell: c, col: col, span: c.span(), rows: 1}
			switch c.Merge {
			case MergeStart:
				open[col] = p
			case MergeContinue:
				p.rows = 0
				if s := open[col]; s != nil {
					s.rows++
				}
			default:
				delete(open, col)
			}
			col += p.span
		}
	}
	return g
}
