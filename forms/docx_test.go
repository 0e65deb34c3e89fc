package forms

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// docxSample is a document that exercises every block and every awkward character.
func docxSample() *Document {
	return &Document{
		Name:     "sample",
		Title:    "差评办件转办登记表 <&>",
		Subtitle: "编号：RA-2026-0001",
		Blocks: []Block{
			&Heading{Text: "一、申请人基本情况"},
			&Paragraph{Text: "左对齐，首行缩进。Quotes \"double\" and 'single', <tag> & ampersand.", Indent: true},
			&Paragraph{Text: "居中加粗", Align: AlignCenter, Bold: true},
			&Paragraph{Text: "融安县政务服务监督管理办公室\n2026年1月1日", Align: AlignRight},
			&Paragraph{Text: "  leading and trailing spaces  ", Align: AlignLeft},
			&Paragraph{Text: "tab\there, two  spaces, control\x00\x01\x08\x0b\x0c\x1f\u007f\u0085 gone, \ufffe\uffff too, bad \xff\xfe utf-8, emoji 👍🏽, 汉字"},
			&Paragraph{Text: "windows\r\nline\rbreaks"},
			&Paragraph{},
			&Heading{Text: "二、办件情况"},
			&Table{
				Widths: []int{1800, 2000, 1800, 3000},
				Rows: []Row{
					{Cells: []Cell{{Lines: []string{"评价人"}, Label: true}, {Lines: []string{"张**"}}, {Lines: []string{"联系电话"}, Label: true}, {Lines: []string{"138****0000"}}}},
					{Cells: []Cell{{Lines: []string{"办理事项"}, Label: true}, {Lines: []string{"不动产登记 <A&B>", "第二行\t制表"}, Span: 3}}},
					{Cells: []Cell{{Lines: []string{"差评内容"}, Label: true, Merge: MergeStart}, {Lines: []string{"  内容  "}, Span: 2, Align: AlignCenter}, {Align: AlignRight}}, Height: 1200},
					{Cells: []Cell{{Merge: MergeContinue, Lines: []string{"ignored"}}, {Span: 3}}, Height: 1200},
					{Cells: []Cell{{Merge: MergeContinue}, {Lines: []string{"a\nb"}, Span: 2}, {}}},
				},
			},
			&PageBreak{},
			&Heading{Text: "三、整改情况"},
			&Table{Widths: []int{4300, 4300}, Rows: []Row{{Cells: []Cell{{Lines: []string{"签字"}, Label: true}, {}}, Height: 1800}}},
			&Table{Widths: []int{8600}, Rows: []Row{{Cells: []Cell{{Lines: []string{"单列表"}}}}}},
		},
	}
}

// docxRender renders d in the default style, failing the test on an error.
func docxRender(t testing.TB, d *Document, s Style) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := DOCX(&b, d, s); err != nil {
		t.Fatalf("DOCX: %v", err)
	}
	return b.Bytes()
}

// docxPartOf returns the part name of the .docx b.
func docxPartOf(t testing.TB, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// docxText returns the text of the w:t, w:tab and w:br of a document.xml.
func docxText(t testing.TB, doc []byte) string {
	t.Helper()
	var b strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(doc))
	inT := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "t":
				inT = true
			case "tab":
				b.WriteString("\t")
			case "br":
				b.WriteString("\n")
			case "p":
				b.WriteString("¶")
			}
		case xml.EndElement:
			inT = inT && tok.Name.Local != "t"
		case xml.CharData:
			if inT {
				b.Write(tok)
			}
		}
	}
}

func TestDOCX(t *testing.T) {
	b := docxRender(t, docxSample(), DefaultStyle())
	checkDOCX(t, b)
	doc := string(docxPartOf(t, b, "word/document.xml"))
	text := docxText(t, []byte(doc))
	s := DefaultStyle()
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"`,
		`<w:jc w:val="center"/><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/><w:sz w:val="44"/>`,
		`<w:ind w:firstLineChars="200" w:firstLine="640"/>`,
		`<w:jc w:val="right"/>`,
		`<w:b/><w:bCs/>`,
		`<w:br w:type="page"/>`,
		`<w:tblW w:w="8600" w:type="dxa"/>`,
		`<w:tblLayout w:type="fixed"/>`,
		`<w:gridCol w:w="1800"/><w:gridCol w:w="2000"/><w:gridCol w:w="1800"/><w:gridCol w:w="3000"/>`,
		`<w:tcW w:w="6800" w:type="dxa"/><w:gridSpan w:val="3"/>`,
		`<w:vMerge w:val="restart"/>`,
		`<w:vMerge/>`,
		`<w:vAlign w:val="center"/>`,
		`<w:cantSplit/><w:trHeight w:val="1200" w:hRule="atLeast"/>`,
		`<w:insideV w:val="single" w:sz="4"`,
		`<w:t xml:space="preserve">  leading and trailing spaces  </w:t>`,
		`<w:t xml:space="preserve">here, two  spaces, control gone,  too, bad ��`,
		`<w:tab/>`,
		`&lt;&amp;&gt;`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	for _, want := range []string{
		"差评办件转办登记表 <&>",
		"Quotes \"double\" and 'single', <tag> & ampersand.",
		"融安县政务服务监督管理办公室\n2026年1月1日",
		"tab\there, two  spaces, control gone,  too, bad \ufffd\ufffd utf-8, emoji 👍🏽, 汉字",
		"windows\nline\nbreaks",
		"不动产登记 <A&B>¶第二行\t制表",
		"a\nb",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "ignored") {
		t.Error("a MergeContinue cell's text is shown")
	}
	// Two tables in a row are kept apart by a paragraph, and the body ends with one, one
	// point high, so that a table filling its page is not followed by an empty page.
	if !strings.Contains(doc, `</w:tbl><w:p>`) || strings.Contains(doc, `</w:tbl><w:tbl>`) ||
		!strings.HasSuffix(doc, `</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`) {
		t.Errorf("tables not closed by paragraphs:\n%s", doc[max(0, len(doc)-600):])
	}
	styles := string(docxPartOf(t, b, "word/styles.xml"))
	if !strings.Contains(styles, `<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:cs="仿宋_GB2312"/>`) ||
		!strings.Contains(styles, `<w:sz w:val="32"/>`) || strings.Contains(styles, "{{") {
		t.Errorf("styles.xml not set in %v:\n%s", s.BodyFont, styles)
	}
}

func TestDOCXStyle(t *testing.T) {
	// "--" in a font name once broke an XML comment of styles.xml that named the placeholders
	// (found by FuzzDOCX, testdata/fuzz/FuzzDOCX/82b7ec80415dbc92).
	s := Style{BodyFont: []string{`Font "A" & <B> --`}, Margins: [4]int{1, 2, 3, 4}}
	b := docxRender(t, &Document{Title: "T", Blocks: []Block{&Paragraph{Text: "p"}}}, s)
	checkDOCX(t, b)
	doc := string(docxPartOf(t, b, "word/document.xml"))
	if !strings.Contains(doc, `w:eastAsia="Font &quot;A&quot; &amp; &lt;B&gt; --"`) || !strings.Contains(doc, `<w:pgMar w:top="1" w:right="2" w:bottom="3" w:left="4"`) ||
		!strings.Contains(doc, `<w:sz w:val="44"/>`) {
		t.Errorf("style not applied, or zero fields not defaulted:\n%s", doc)
	}
	// An empty document still has a paragraph.
	doc = string(docxPartOf(t, docxRender(t, &Document{}, DefaultStyle()), "word/document.xml"))
	if !strings.Contains(doc, "<w:body><w:p>") {
		t.Errorf("empty document has no paragraph:\n%s", doc)
	}
}

func TestDOCXDeterministic(t *testing.T) {
	a := docxRender(t, docxSample(), DefaultStyle())
	b := docxRender(t, docxSample(), DefaultStyle())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(docxModified) {
			t.Errorf("%s modified %v", f.Name, f.Modified)
		}
	}
	if names[0] != "[Content_Types].xml" || names[len(names)-1] != "word/document.xml" {
		t.Errorf("part order %v", names)
	}
}

// TestDOCXErrors checks that DOCX refuses what Document.Validate refuses, with its error,
// and writes nothing (validate_test.go checks the messages).
func TestDOCXErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		d    *Document
	}{
		{"nil document", nil},
		{"nil blocks", &Document{Blocks: []Block{nil, (*Paragraph)(nil), (*Heading)(nil)}}},
		{"spans", &Document{Blocks: []Block{
			&Table{Widths: []int{1, 1}, Rows: []Row{{Cells: []Cell{{}, {}}}}},
			&Table{Widths: []int{1, 1, 1, 1}, Rows: []Row{{Cells: []Cell{{Span: 2}, {}, {Span: 2}}}}},
		}}},
		{"no grid, no rows", &Document{Blocks: []Block{&Table{}, &Table{Widths: []int{0, -1}}, (*Table)(nil)}}},
		{"merges", &Document{Blocks: []Block{&Table{Widths: []int{1, 1, 1}, Rows: []Row{
			{Cells: []Cell{{Merge: MergeContinue}, {Merge: MergeStart, Span: 2}}},
			{Cells: []Cell{{Merge: MergeStart}, {Merge: MergeContinue}, {Merge: MergeContinue}}},
		}}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := DOCX(&b, tt.d, DefaultStyle())
			want := tt.d.Validate()
			if err == nil || want == nil || err.Error() != want.Error() {
				t.Fatalf("DOCX: %v\nValidate: %v", err, want)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes before refusing", b.Len())
			}
		})
	}
}

// docxZip returns a zip of the parts, in order.
func docxZip(t testing.TB, parts ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		f, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(f, p[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDOCXSkeleton(t *testing.T) {
	// A county's skeleton: the default one with its own styles, a footer and a header, saved as
	// a template (.dotx).
	base := docxRender(t, &Document{}, DefaultStyle())
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><!-- 融安县 --><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`
	const footer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>— 1 —</w:t></w:r></w:p></w:ftr>`
	var parts [][2]string
	for _, f := range zr.File {
		data := string(docxPartOf(t, base, f.Name))
		switch f.Name {
		case "word/styles.xml":
			data = styles
		case "word/document.xml":
			data = `<?xml version="1.0"?><w:document xmlns:w="` + docxNSW + `" xmlns:r="` + docxNSR + `"><w:body><w:p><w:r><w:t>old body</w:t></w:r></w:p>` +
				`<w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr></w:body></w:document>`
		case "word/_rels/document.xml.rels":
			data = strings.Replace(data, "</Relationships>", `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`, 1)
		case "[Content_Types].xml":
			data = strings.Replace(data, "</Types>", `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`, 1)
			data = strings.Replace(data, "document.main+xml", "template.main+xml", 1)
		}
		parts = append(parts, [2]string{f.Name, data})
	}
	parts = append(parts, [2]string{"word/footer1.xml", footer}, [2]string{"customXml/", ""})
	s := DefaultStyle()
	s.Skeleton = docxZip(t, parts...)
	b := docxRender(t, docxSample(), s)
	checkDOCX(t, b)
	if got := string(docxPartOf(t, b, "word/styles.xml")); got != styles {
		t.Errorf("the skeleton's styles.xml is not kept: %s", got)
	}
	if got := string(docxPartOf(t, b, "word/footer1.xml")); got != footer {
		t.Errorf("the skeleton's footer is not kept: %s", got)
	}
	if got := string(docxPartOf(t, b, "[Content_Types].xml")); strings.Contains(got, "template.main") || !strings.Contains(got, "document.main+xml") {
		t.Errorf("the template's content type is kept: %s", got)
	}
	doc := string(docxPartOf(t, b, "word/document.xml"))
	if strings.Contains(doc, "old body") || !strings.Contains(doc, "差评办件转办登记表") ||
		!strings.Contains(doc, `<w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar `) ||
		!strings.Contains(doc, `<w:titlePg/></w:sectPr>`) {
		t.Errorf("document.xml not generated into the skeleton:\n%s", doc[len(doc)-400:])
	}

	types := `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
	body := `<w:document xmlns:w="` + docxNSW + `"><w:body/></w:document>`
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	for _, n := range []string{"[Content_Types].xml", "word/document.xml", "word/media/zeros.bin"} {
		f, _ := zw.Create(n)
		if n == "word/media/zeros.bin" {
			f.Write(make([]byte, docxPartMax+1))
		} else {
			f.Write([]byte(types))
		}
	}
	zw.Close()
	for _, tt := range []struct {
		name, want string
		skeleton   []byte
	}{
		{"not a zip", "not a zip (.docx) file", []byte("PK\x03\x04 but not really")},
		{"empty", "not a zip (.docx) file", []byte{}},
		{"no document.xml", "no word/document.xml", docxZip(t, [2]string{"[Content_Types].xml", types})},
		{"no content types", "no [Content_Types].xml", docxZip(t, [2]string{"word/document.xml", body})},
		{"oversized", "more than 10485760", make([]byte, DOCXSkeletonMax+1)},
		{"zip bomb", `part "word/media/zeros.bin" is larger than`, bomb.Bytes()},
		{"twice", `part "word/Document.xml" twice`, docxZip(t, [2]string{"[Content_Types].xml", types}, [2]string{"word/document.xml", body}, [2]string{"word/Document.xml", body})},
		{"bad name", `bad part name "word/../x.xml"`, docxZip(t, [2]string{"word/../x.xml", body})},
		{"macros", "macro-enabled", docxZip(t, [2]string{"[Content_Types].xml", types + "macroEnabled"}, [2]string{"word/document.xml", body})},
		{"broken document.xml", "word/document.xml: XML syntax error", docxZip(t, [2]string{"[Content_Types].xml", types}, [2]string{"word/document.xml", "<w:document>"})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultStyle()
			s.Skeleton = tt.skeleton
			err := DOCX(io.Discard, docxSample(), s)
			if !errors.Is(err, ErrSkeleton) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want ErrSkeleton and %q", err, tt.want)
			}
		})
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add("差评办件转办登记表", "  a\tb\nc  ", "<&>\"'", "👍")
	f.Add("\x00\xff\xfe\uffff", "\r\n\r", "]]>", "\u0085\u2028")
	f.Fuzz(func(t *testing.T, title, para, cell, font string) {
		d := &Document{Title: title, Subtitle: para, Blocks: []Block{
			&Heading{Text: title},
			&Paragraph{Text: para, Indent: true, Bold: true},
			&Table{Widths: []int{1000, 2000}, Rows: []Row{
				{Cells: []Cell{{Lines: []string{cell}, Label: true, Merge: MergeStart}, {Lines: []string{para, cell}}}},
				{Cells: []Cell{{Merge: MergeContinue}, {Lines: []string{title}}}},
				{Cells: []Cell{{Lines: []string{cell}, Span: 2}}},
			}},
		}}
		s := DefaultStyle()
		s.BodyFont = []string{font}
		var b bytes.Buffer
		if err := DOCX(&b, d, s); err != nil {
			t.Fatal(err)
		}
		checkDOCX(t, b.Bytes())
	})
}

func BenchmarkDOCX(b *testing.B) {
	d, s := docxSample(), DefaultStyle()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := DOCX(&buf, d, s); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// TestDOCXLibreOffice converts the sample to PDF with LibreOffice, when it is installed
// (always on CI). Set FORMS_DOCX_KEEP to a directory to keep the .docx and the PDF.
func TestDOCXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		soffice, err = exec.LookPath("libreoffice")
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice (soffice) is not on PATH; CI must install libreoffice-writer")
		}
		t.Skip("LibreOffice (soffice) is not on PATH: the .docx is not converted to PDF")
	}
	if testing.Short() {
		t.Skip("-short: LibreOffice is slow to start")
	}
	dir := t.TempDir()
	if keep := os.Getenv("FORMS_DOCX_KEEP"); keep != "" {
		dir = keep
	}
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, docxRender(t, docxSample(), DefaultStyle()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "sample.pdf"))
	if err != nil {
		t.Fatalf("no PDF: %v\n%s", err, out)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 {
		t.Fatalf("not a PDF (%d bytes)\n%s", len(pdf), out)
	}
}

// FuzzDOCXSkeleton feeds the skeleton reader any bytes as a county's .docx template: it
// refuses them with an error wrapping ErrSkeleton, or the document it writes over them
// passes the structural checks. It never panics.
func FuzzDOCXSkeleton(f *testing.F) {
	var good bytes.Buffer
	if err := DOCX(&good, &Document{Title: "t"}, DefaultStyle()); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	d := &Document{Title: "标题", Blocks: []Block{&Paragraph{Text: "正文"},
		&Table{Widths: []int{1000, 2000}, Rows: []Row{{Cells: []Cell{{Lines: []string{"a"}}, {Lines: []string{"b"}}}}}}}}
	f.Fuzz(func(t *testing.T, skeleton []byte) {
		s := DefaultStyle()
		s.Skeleton = skeleton
		var b bytes.Buffer
		if err := DOCX(&b, d, s); err != nil {
			if !errors.Is(err, ErrSkeleton) {
				t.Fatalf("a refusal that does not wrap ErrSkeleton: %v", err)
			}
			return
		}
		checkDOCX(t, b.Bytes())
	})
}
