package forms

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The generator of word/document.xml. Elements inside w:pPr, w:rPr, w:tblPr, w:tcPr and
// w:sectPr are written in the order of their schema sequences (ECMA-376 Part 1: CT_PPrBase
// §17.3.1.26, CT_RPr §17.3.2.28, CT_TblPr §17.4.60, CT_TcPr §17.4.70, CT_SectPr §17.6.17):
// Word refuses a file whose properties are out of order.

const (
	docxNSW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	docxNSR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// docxSect is what a county's skeleton gives the generated section: its header and footer
// references (written as they were) and whether the first page has its own.
type docxSect struct {
	refs    []string
	titlePg bool
}

// docxRun is how a run is set: its font, size in half-points and weight.
type docxRun struct {
	font string
	size int
	bold bool
}

// docxPara is how a paragraph is set.
type docxPara struct {
	keepNext bool
	// spacing is the w:spacing element, or "".
	spacing string
	// indent indents the first line by two characters of the run's size.
	indent bool
	jc     string
}

// docxWriter builds word/document.xml.
type docxWriter struct {
	b   bytes.Buffer
	seg strings.Builder // the text of the w:t being built
}

// docxDocument returns word/document.xml for d set in s.
func docxDocument(d *Document, s Style, sect docxSect) []byte {
	w := &docxWriter{}
	w.b.Grow(4096)
	w.b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="` + docxNSW + `" xmlns:r="` + docxNSR + `"><w:body>`)
	body := docxRun{font: s.BodyFont[0], size: s.BodySize}
	paragraphs := 0
	if d.Title != "" {
		after := "360"
		if d.Subtitle != "" {
			after = "120"
		}
		w.para(docxPara{keepNext: true, spacing: `<w:spacing w:after="` + after + `"/>`, jc: "center"},
			docxRun{font: s.TitleFont[0], size: s.TitleSize}, d.Title)
		paragraphs++
	}
	if d.Subtitle != "" {
		w.para(docxPara{keepNext: true, spacing: `<w:spacing w:after="360"/>`, jc: "center"}, body, d.Subtitle)
		paragraphs++
	}
	for i, b := range d.Blocks {
		switch b := b.(type) {
		case *Heading:
			bold := body
			bold.bold = true
			w.para(docxPara{keepNext: true, indent: true, jc: "left"}, bold, b.Text)
		case *Paragraph:
			r := body
			r.bold = b.Bold
			// Running text is justified, as official documents set it: flush left, and a
			// last line like a left-aligned one.
			jc := "both"
			switch b.Align {
			case AlignCenter:
				jc = "center"
			case AlignRight:
				jc = "right"
			}
			w.para(docxPara{indent: b.Indent, jc: jc}, r, b.Text)
		case *Table:
			w.table(b, s)
			// Word joins two tables with nothing between them and wants a paragraph
			// after the last table of a body: a paragraph one point high, so that a table
			// that fills its page (Annex 4) is not followed by an empty page.
			_, table := nextBlock(d.Blocks, i).(*Table)
			if i+1 == len(d.Blocks) || table {
				w.para(docxPara{spacing: `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`},
					docxRun{font: body.font, size: 2}, "")
			}
		case *PageBreak:
			w.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
		}
		paragraphs++
	}
	if paragraphs == 0 {
		w.para(docxPara{}, body, "")
	}
	w.b.WriteString(`<w:sectPr>`)
	for _, r := range sect.refs {
		w.b.WriteString(r)
	}
	m := s.Margins
	w.b.WriteString(`<w:pgSz w:w="` + strconv.Itoa(A4Width) + `" w:h="` + strconv.Itoa(A4Height) + `"/>`)
	w.b.WriteString(`<w:pgMar w:top="` + strconv.Itoa(m[0]) + `" w:right="` + strconv.Itoa(m[1]) +
		`" w:bottom="` + strconv.Itoa(m[2]) + `" w:left="` + strconv.Itoa(m[3]) +
		`" w:header="851" w:footer="992" w:gutter="0"/>`)
	if sect.titlePg {
		w.b.WriteString(`<w:titlePg/>`)
	}
	w.b.WriteString(`</w:sectPr></w:body></w:document>`)
	return w.b.Bytes()
}

// rPr writes the run properties of r: rFonts, b, bCs, sz, szCs.
func (w *docxWriter) rPr(r docxRun) {
	f := docxAttr(r.font)
	w.b.WriteString(`<w:rPr><w:rFonts w:ascii="` + f + `" w:eastAsia="` + f + `" w:hAnsi="` + f + `"/>`)
	if r.bold {
		w.b.WriteString(`<w:b/><w:bCs/>`)
	}
	n := strconv.Itoa(r.size)
	w.b.WriteString(`<w:sz w:val="` + n + `"/><w:szCs w:val="` + n + `"/></w:rPr>`)
}

// para writes a paragraph of text set as p and r.
func (w *docxWriter) para(p docxPara, r docxRun, text string) {
	w.b.WriteString(`<w:p><w:pPr>`)
	if p.keepNext {
		w.b.WriteString(`<w:keepNext/>`)
	}
	w.b.WriteString(p.spacing)
	if p.indent {
		w.b.WriteString(`<w:ind w:firstLineChars="200" w:firstLine="` + strconv.Itoa(r.size*20) + `"/>`)
	}
	if p.jc != "" {
		w.b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	w.rPr(r) // the paragraph mark's, so an empty paragraph is as high as a line of its text
	w.b.WriteString(`</w:pPr>`)
	w.run(r, text)
	w.b.WriteString(`</w:p>`)
}

// run writes text as one run set as r: tabs as w:tab, line breaks as w:br, characters XML
// 1.0 forbids left out and invalid UTF-8 replaced by U+FFFD. No run for no text.
func (w *docxWriter) run(r docxRun, text string) {
	if text == "" {
		return
	}
	w.b.WriteString(`<w:r>`)
	w.rPr(r)
	w.seg.Reset()
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case c == utf8.RuneError && n == 1:
			w.seg.WriteRune(utf8.RuneError)
		case c == '\t':
			w.flush()
			w.b.WriteString(`<w:tab/>`)
		case c == '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			fallthrough
		case c == '\n':
			w.flush()
			w.b.WriteString(`<w:br/>`)
		case !docxLegal(c):
		default:
			w.seg.WriteRune(c)
		}
	}
	w.flush()
	w.b.WriteString(`</w:r>`)
}

// flush writes the text gathered in w.seg as a w:t, spaces preserved where XML would
// collapse or drop them.
func (w *docxWriter) flush() {
	t := w.seg.String()
	w.seg.Reset()
	if t == "" {
		return
	}
	if t[0] == ' ' || t[len(t)-1] == ' ' || strings.Contains(t, "  ") {
		w.b.WriteString(`<w:t xml:space="preserve">`)
	} else {
		w.b.WriteString(`<w:t>`)
	}
	xml.EscapeText(&w.b, []byte(t)) // cannot fail on a bytes.Buffer
	w.b.WriteString(`</w:t>`)
}

// docxLegal reports whether c may stand in a w:t: a character XML 1.0 allows that is not a
// control character.
func docxLegal(c rune) bool {
	switch {
	case c < 0x20, c >= 0x7f && c <= 0x9f:
		return false
	case c >= 0xd800 && c <= 0xdfff, c == 0xfffe, c == 0xffff, c > utf8.MaxRune:
		return false
	}
	return true
}

// docxAttr returns s escaped for an attribute value, illegal characters left out.
func docxAttr(s string) string {
	var b strings.Builder
	for _, c := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"':
			b.WriteString("&quot;")
		case docxLegal(c):
			b.WriteRune(c)
		}
	}
	return b.String()
}

// docxBorder is a single thin black line.
const docxBorder = ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`

// table writes t, whose structure docxCheckTable has accepted.
func (w *docxWriter) table(t *Table, s Style) {
	total := 0
	for _, x := range t.Widths {
		total += x
	}
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/><w:jc w:val="center"/>` +
		`<w:tblBorders><w:top` + docxBorder + `<w:left` + docxBorder + `<w:bottom` + docxBorder +
		`<w:right` + docxBorder + `<w:insideH` + docxBorder + `<w:insideV` + docxBorder + `</w:tblBorders>` +
		`<w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr><w:tblGrid>`)
	for _, x := range t.Widths {
		w.b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(x) + `"/>`)
	}
	w.b.WriteString(`</w:tblGrid>`)
	for _, row := range t.Rows {
		// cantSplit: a page break never cuts a row (CT_TrPrBase is a choice, in Word's order).
		w.b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if row.Height > 0 {
			w.b.WriteString(`<w:trHeight w:val="` + strconv.Itoa(row.Height) + `" w:hRule="atLeast"/>`)
		}
		w.b.WriteString(`</w:trPr>`)
		col := 0
		for _, c := range row.Cells {
			width := 0
			for _, x := range t.Widths[col : col+c.span()] {
				width += x
			}
			col += c.span()
			w.b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
			if c.span() > 1 {
				w.b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(c.span()) + `"/>`)
			}
			switch c.Merge {
			case MergeStart:
				w.b.WriteString(`<w:vMerge w:val="restart"/>`)
			case MergeContinue:
				w.b.WriteString(`<w:vMerge/>`)
			}
			w.b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			r := docxRun{font: s.BodyFont[0], size: s.TableSize, bold: c.Label}
			p := docxPara{spacing: `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`, jc: "left"}
			switch {
			case c.Label || c.Align == AlignCenter:
				p.jc = "center"
			case c.Align == AlignRight:
				p.jc = "right"
			}
			lines := c.Lines
			if c.Merge == MergeContinue {
				lines = nil // the merged cell's text is in its first row
			}
			if len(lines) == 0 {
				w.para(p, r, "") // a w:tc holds at least one w:p
			}
			for _, l := range lines {
				w.para(p, r, l)
			}
			w.b.WriteString(`</w:tc>`)
		}
		w.b.WriteString(`</w:tr>`)
	}
	w.b.WriteString(`</w:tbl>`)
}

// docxSkeletonSect reads the header and footer references and w:titlePg of the last
// section of a skeleton's body (its w:sectPr, the body's last child), to carry them over.
func docxSkeletonSect(data []byte) (docxSect, error) {
	var sect docxSect
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []xml.Name
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sect, nil
		}
		if err != nil {
			return docxSect{}, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := len(stack)
			stack = append(stack, tok.Name)
			if n < 2 || tok.Name.Space != docxNSW || stack[n-2].Local != "body" {
				continue
			}
			// A direct child of the body's w:sectPr.
			if stack[n-1].Local == "sectPr" {
				switch tok.Name.Local {
				case "headerReference", "footerReference":
					var typ, id string
					for _, a := range tok.Attr {
						switch {
						case a.Name.Space == docxNSW && a.Name.Local == "type":
							typ = a.Value
						case a.Name.Space == docxNSR && a.Name.Local == "id":
							id = a.Value
						}
					}
					if id != "" {
						if typ == "" {
							typ = "default"
						}
						sect.refs = append(sect.refs, `<w:`+tok.Name.Local+` w:type="`+docxAttr(typ)+`" r:id="`+docxAttr(id)+`"/>`)
					}
				case "titlePg":
					sect.titlePg = true
					for _, a := range tok.Attr {
						if a.Name.Local == "val" && (a.Value == "0" || a.Value == "false" || a.Value == "off") {
							sect.titlePg = false
						}
					}
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// nextBlock returns the block after the i-th, or nil.
func nextBlock(bs []Block, i int) Block {
	if i+1 < len(bs) {
		return bs[i+1]
	}
	return nil
}
