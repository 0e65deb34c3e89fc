package forms

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"testing"
)

// CheckDOCX is checkDOCX for the tests of package forms_test.
var CheckDOCX = checkDOCX

// checkDOCX checks the structure of a .docx as Word needs it, reporting every problem:
//   - every part is well-formed XML (the .xml and .rels parts);
//   - [Content_Types].xml covers every part, by a Default extension or an Override;
//   - every internal relationship target exists;
//   - the children of every w:rPr, w:pPr, w:tcPr, w:tblPr, w:sectPr, w:tblBorders,
//     w:tcBorders and w:tblCellMar come in the order of their schema sequence, none twice
//     (but header and footer references) and none unknown;
//   - in every table of word/document.xml, the gridSpans of every row sum to the number of
//     w:gridCol; every continuing w:vMerge has a merged cell of the same span above it in the
//     same grid column; every w:tc holds a w:p; every w:tcW is present, in dxa, and the sum
//     of the widths of its grid columns.
func checkDOCX(t testing.TB, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("docx: not a zip: %v", err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("docx: %s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("docx: %s: %v", f.Name, err)
		}
		if _, dup := parts[f.Name]; dup {
			t.Errorf("docx: part %s twice", f.Name)
		}
		parts[f.Name] = data
		names = append(names, f.Name)
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		if parts[need] == nil {
			t.Fatalf("docx: no part %s", need)
		}
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			checkDOCXOrder(t, n, parts[n])
		}
	}

	// Content types.
	var types struct {
		Defaults []struct {
			Extension string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:",attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Errorf("docx: [Content_Types].xml: %v", err)
	}
	for _, n := range names {
		if n == "[Content_Types].xml" || strings.HasSuffix(n, "/") {
			continue
		}
		covered := false
		for _, o := range types.Overrides {
			covered = covered || strings.EqualFold(o.PartName, "/"+n)
		}
		for _, d := range types.Defaults {
			covered = covered || strings.EqualFold(d.Extension, strings.TrimPrefix(path.Ext(n), "."))
		}
		if !covered {
			t.Errorf("docx: no content type for part %s", n)
		}
	}

	// Relationships.
	for _, n := range names {
		if !strings.HasSuffix(n, ".rels") {
			continue
		}
		var rels struct {
			Rels []struct {
				ID, Target, TargetMode string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(parts[n], &rels); err != nil {
			t.Errorf("docx: %s: %v", n, err)
			continue
		}
		// The source of dir/_rels/x.rels is dir/x; targets are relative to dir.
		base := path.Dir(path.Dir(n))
		for _, r := range rels.Rels {
			if r.TargetMode == "External" {
				continue
			}
			target := path.Join(base, r.Target)
			if strings.HasPrefix(r.Target, "/") {
				target = strings.TrimPrefix(r.Target, "/")
			}
			target = strings.TrimPrefix(target, "./")
			if _, ok := parts[target]; !ok {
				t.Errorf("docx: %s: relationship %s targets %s, which is not in the package", n, r.ID, target)
			}
		}
	}

	checkDOCXTables(t, parts["word/document.xml"])
}

// docxOrders are the schema sequences of the property elements the checker orders: the local
// names of their w: children, in order. Names on one line share a rank where the schema has
// a choice (EG_HdrFtrReferences) and may repeat.
var docxOrders = map[string][][]string{
	// CT_PPr: CT_PPrBase then rPr, sectPr, pPrChange (§17.3.1.26).
	"pPr": docxRanks("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"),
	// CT_RPr and CT_ParaRPr (ins, del, moveFrom, moveTo first): EG_RPrBase then rPrChange (§17.3.2.28).
	"rPr": docxRanks("ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"),
	// CT_TcPr (§17.4.70).
	"tcPr": docxRanks("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"),
	// CT_TblPr (§17.4.60).
	"tblPr": docxRanks("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"),
	// CT_SectPr (§17.6.17).
	"sectPr": docxRanks("headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange"),
	// CT_TblBorders, CT_TcBorders, CT_TblCellMar (left and right are start and end of later editions).
	"tblBorders": docxRanks("top left|start bottom right|end insideH insideV"),
	"tcBorders":  docxRanks("top left|start bottom right|end insideH insideV tl2br tr2bl"),
	"tblCellMar": docxRanks("top left|start bottom right|end"),
	"tcMar":      docxRanks("top left|start bottom right|end"),
}

func docxRanks(s string) [][]string {
	var r [][]string
	for _, f := range strings.Fields(s) {
		r = append(r, strings.Split(f, "|"))
	}
	return r
}

// docxRank returns the rank of child in order, -1 for none.
func docxRank(order [][]string, child string) int {
	for i, names := range order {
		for _, n := range names {
			if n == child {
				return i
			}
		}
	}
	return -1
}

// checkDOCXOrder checks that part is well-formed and that the children of its property
// elements come in schema order.
func checkDOCXOrder(t testing.TB, part string, data []byte) {
	t.Helper()
	type open struct {
		name string
		last int // rank of the last w: child seen, -1 before the first
	}
	var stack []open
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("docx: %s is not well-formed XML: %v", part, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if n := len(stack); n > 0 && tok.Name.Space == docxNSW {
				parent := &stack[n-1]
				if order, ok := docxOrders[parent.name]; ok {
					r := docxRank(order, tok.Name.Local)
					switch {
					case r < 0:
						t.Errorf("docx: %s: w:%s holds an unknown w:%s", part, parent.name, tok.Name.Local)
					case r < parent.last || r == parent.last && len(order[r]) == 1:
						t.Errorf("docx: %s: in w:%s, w:%s comes after w:%s", part, parent.name, tok.Name.Local, order[parent.last][0])
					}
					parent.last = max(parent.last, r)
				}
			}
			name := ""
			if tok.Name.Space == docxNSW {
				name = tok.Name.Local
			}
			stack = append(stack, open{name, -1})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

type docxCheckTbl struct {
	Grid []struct {
		W int `xml:"w,attr"`
	} `xml:"tblGrid>gridCol"`
	Rows []struct {
		Cells []struct {
			W *struct {
				W    int    `xml:"w,attr"`
				Type string `xml:"type,attr"`
			} `xml:"tcPr>tcW"`
			Span *struct {
				Val int `xml:"val,attr"`
			} `xml:"tcPr>gridSpan"`
			VMerge *struct {
				Val string `xml:"val,attr"`
			} `xml:"tcPr>vMerge"`
			Ps []struct{} `xml:"p"`
		} `xml:"tc"`
	} `xml:"tr"`
}

// checkDOCXTables checks the tables of the body of word/document.xml.
func checkDOCXTables(t testing.TB, doc []byte) {
	t.Helper()
	var d struct {
		Tables []docxCheckTbl `xml:"body>tbl"`
	}
	if err := xml.Unmarshal(doc, &d); err != nil {
		t.Errorf("docx: word/document.xml: %v", err)
		return
	}
	for ti, tbl := range d.Tables {
		grid := len(tbl.Grid)
		if grid == 0 {
			t.Errorf("docx: table %d has no w:gridCol", ti+1)
			continue
		}
		open := make([]int, grid) // span of a merged cell starting at a column in the row above
		for ri, row := range tbl.Rows {
			next := make([]int, grid)
			col := 0
			for ci, c := range row.Cells {
				span := 1
				if c.Span != nil {
					span = c.Span.Val
				}
				if span < 1 {
					t.Errorf("docx: table %d, row %d, cell %d: gridSpan %d", ti+1, ri+1, ci+1, span)
					span = 1
				}
				if len(c.Ps) == 0 {
					t.Errorf("docx: table %d, row %d, cell %d holds no w:p", ti+1, ri+1, ci+1)
				}
				if col+span <= grid {
					want := 0
					for _, g := range tbl.Grid[col : col+span] {
						want += g.W
					}
					switch {
					case c.W == nil:
						t.Errorf("docx: table %d, row %d, cell %d has no w:tcW", ti+1, ri+1, ci+1)
					case c.W.Type != "dxa" || c.W.W != want:
						t.Errorf("docx: table %d, row %d, cell %d: w:tcW %d %s, its grid columns are %d dxa", ti+1, ri+1, ci+1, c.W.W, c.W.Type, want)
					}
					if c.VMerge != nil {
						if c.VMerge.Val == "restart" {
							next[col] = span
						} else if open[col] != span {
							t.Errorf("docx: table %d, row %d, cell %d continues a vertical merge with no merged cell of span %d above it", ti+1, ri+1, ci+1, span)
						} else {
							next[col] = span
						}
					}
				}
				col += span
			}
			if col != grid {
				t.Errorf("docx: table %d, row %d: cells span %d grid columns, the grid has %d", ti+1, ri+1, col, grid)
			}
			open = next
		}
	}
}

// docxRecorder is a testing.TB that records what checkDOCX reports.
type docxRecorder struct {
	testing.TB
	errs []string
}

func (r *docxRecorder) Helper() {}
func (r *docxRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *docxRecorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r)
}

// TestCheckDOCX makes sure the checker catches what it claims to: each case breaks one
// part of a good .docx.
func TestCheckDOCX(t *testing.T) {
	var good bytes.Buffer
	if err := DOCX(&good, docxSample(), DefaultStyle()); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, part, old, new, want string
	}{
		{"pPr order", "word/document.xml", `<w:keepNext/><w:spacing w:after="120"/>`, `<w:spacing w:after="120"/><w:keepNext/>`, "in w:pPr, w:keepNext comes after w:spacing"},
		{"rPr order", "word/document.xml", `<w:sz w:val="44"/><w:szCs w:val="44"/>`, `<w:szCs w:val="44"/><w:sz w:val="44"/>`, "in w:rPr, w:sz comes after w:szCs"},
		{"rPr twice", "word/document.xml", `<w:b/><w:bCs/>`, `<w:b/><w:b/>`, "in w:rPr, w:b comes after w:b"},
		{"tcPr order", "word/document.xml", `<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>`, `<w:vAlign w:val="center"/><w:vMerge w:val="restart"/>`, "in w:tcPr, w:vMerge comes after w:vAlign"},
		{"tblPr order", "word/document.xml", `<w:tblLayout w:type="fixed"/><w:tblCellMar>`, `<w:tblCellMar/><w:tblLayout w:type="fixed"/><w:tblCellMar>`, "in w:tblPr, w:tblLayout comes after w:tblCellMar"},
		{"sectPr order", "word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="11906" w:h="16838"/><w:footerReference/>`, "in w:sectPr, w:footerReference comes after w:pgSz"},
		{"unknown", "word/document.xml", `<w:keepNext/>`, `<w:keepNxt/>`, "w:pPr holds an unknown w:keepNxt"},
		{"not XML", "word/settings.xml", `</w:settings>`, `</w:setting>`, "word/settings.xml is not well-formed XML"},
		{"content type", "[Content_Types].xml", `Extension="rels"`, `Extension="rel"`, "no content type for part _rels/.rels"},
		{"relationship", "word/_rels/document.xml.rels", `Target="styles.xml"`, `Target="style.xml"`, "targets word/style.xml, which is not in the package"},
		{"span", "word/document.xml", `<w:gridSpan w:val="3"/>`, `<w:gridSpan w:val="2"/>`, "table 1, row 2: cells span 3 grid columns, the grid has 4"},
		{"tcW", "word/document.xml", `<w:tcW w:w="6800" w:type="dxa"/>`, `<w:tcW w:w="6801" w:type="dxa"/>`, "table 1, row 2, cell 2: w:tcW 6801 dxa, its grid columns are 6800 dxa"},
		{"no tcW", "word/document.xml", `<w:tcW w:w="6800" w:type="dxa"/>`, ``, "table 1, row 2, cell 2 has no w:tcW"},
		{"merge", "word/document.xml", `<w:vMerge w:val="restart"/>`, ``, "table 1, row 4, cell 1 continues a vertical merge with no merged cell of span 1 above it"},
		{"no w:p", "word/document.xml", `<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:pPr></w:p></w:tc>`, `<w:vAlign w:val="center"/></w:tcPr></w:tc>`, "holds no w:p"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := docxMutate(t, good.Bytes(), tt.part, tt.old, tt.new)
			r := &docxRecorder{TB: t}
			func() {
				defer func() {
					if p := recover(); p != nil && p != r {
						panic(p)
					}
				}()
				checkDOCX(r, b)
			}()
			if !strings.Contains(strings.Join(r.errs, "\n"), tt.want) {
				t.Errorf("checkDOCX reported %q, want %q", r.errs, tt.want)
			}
		})
	}
}

// docxMutate returns b with the first old in part replaced by new.
func docxMutate(t *testing.T, b []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("%s lacks %s", part, old)
			}
			data = bytes.Replace(data, []byte(old), []byte(new), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
