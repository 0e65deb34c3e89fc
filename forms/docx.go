package forms

import (
	"archive/zip"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"
)

// The .docx renderer: a small generator of WordprocessingML (ECMA-376 Part 1, §17) with no
// third-party library. Every part but word/document.xml comes from a skeleton, the embedded
// one (skeleton/, embedded with all: for its _rels) or the county's own (Style.Skeleton);
// word/document.xml is generated.

//go:embed all:skeleton
var docxSkeletonFS embed.FS

// ErrSkeleton is wrapped by the errors [DOCX] returns for a Style.Skeleton it cannot use: not
// a zip, no word/document.xml or [Content_Types].xml, too large, or macro-enabled.
var ErrSkeleton = errors.New("forms: unusable .docx skeleton")

// Limits on a county's skeleton, so a zip bomb cannot exhaust memory.
const (
	// DOCXSkeletonMax is the largest Style.Skeleton accepted, in bytes.
	DOCXSkeletonMax = 10 << 20
	// docxPartMax is the largest uncompressed part of a skeleton, docxTotalMax the largest
	// sum of its parts, docxPartsMax the most parts.
	docxPartMax  = 16 << 20
	docxTotalMax = 64 << 20
	docxPartsMax = 1000
)

// docxModified is every part's modification time: fixed, so the same document gives the same
// bytes.
var docxModified = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

const docxDocumentPart = "word/document.xml"

// docxPart is one part of the package.
type docxPart struct {
	name string
	data []byte
}

// DOCX writes d as a .docx (Office Open XML) that Word and WPS open and edit: an A4 page with
// s.Margins, the title centred in s.TitleFont and s.TitleSize, text in s.BodyFont, tables in
// s.TableSize with borders, merged cells, row heights and rows that never split across pages.
// The output is deterministic: the same d and s give the same bytes.
//
// Zero fields of s take [DefaultStyle]'s. When s.Skeleton is set, every part of it but
// word/document.xml (styles, settings, theme, headers and footers) is kept, and the header and
// footer references of its last section carry over.
//
// DOCX returns an error naming the block and row for a nil d, a nil block, a table without
// columns or rows, a column width that is not positive, a row whose cells do not span the grid
// exactly and a MergeContinue with no merged cell of the same span above it; an error wrapping
// [ErrSkeleton] for an unusable s.Skeleton; and any error of w.
func DOCX(w io.Writer, d *Document, s Style) error {
	if err := d.Validate(); err != nil {
		return err
	}
	s = s.withDefaults()
	var parts []docxPart
	var sect docxSect
	if s.Skeleton != nil {
		var err error
		if parts, sect, err = docxReadSkeleton(s.Skeleton); err != nil {
			return err
		}
	} else {
		parts = docxEmbedded(s)
	}
	body := docxDocument(d, s, sect)
	zw := zip.NewWriter(w)
	for _, p := range parts {
		data := p.data
		if p.name == docxDocumentPart {
			data = body
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: docxModified})
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docxEmbedded returns the parts of the embedded skeleton, word/styles.xml set in s, and
// word/document.xml as a placeholder: in a fixed order, [Content_Types].xml first.
func docxEmbedded(s Style) []docxPart {
	var parts []docxPart
	err := fs.WalkDir(docxSkeletonFS, "skeleton", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := docxSkeletonFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "skeleton/")
		if name == "word/styles.xml" {
			// Its placeholders stand only in attribute values, where any escaped text may.
			data = []byte(strings.NewReplacer(
				"{{BodyFont}}", docxAttr(s.BodyFont[0]),
				"{{BodySize}}", strconv.Itoa(s.BodySize),
			).Replace(string(data)))
		}
		parts = append(parts, docxPart{name, data})
		return nil
	})
	if err != nil {
		panic("forms: embedded .docx skeleton: " + err.Error()) // the embedded files are there
	}
	// WalkDir goes in lexical order; [Content_Types].xml sorts after docProps/ and _rels/ but
	// goes first by custom, and document.xml after the skeleton's parts.
	out := make([]docxPart, 0, len(parts)+1)
	for _, p := range parts {
		if p.name == "[Content_Types].xml" {
			out = append(out, p)
		}
	}
	for _, p := range parts {
		if p.name != "[Content_Types].xml" {
			out = append(out, p)
		}
	}
	return append(out, docxPart{name: docxDocumentPart})
}

// docxReadSkeleton reads a county's .docx: every part in its order, word/document.xml's data
// left out, and the header and footer references of its body's last section.
func docxReadSkeleton(b []byte) ([]docxPart, docxSect, error) {
	if len(b) > DOCXSkeletonMax {
		return nil, docxSect{}, fmt.Errorf("%w: %d bytes, more than %d", ErrSkeleton, len(b), DOCXSkeletonMax)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, docxSect{}, fmt.Errorf("%w: not a zip (.docx) file: %v", ErrSkeleton, err)
	}
	if len(zr.File) > docxPartsMax {
		return nil, docxSect{}, fmt.Errorf("%w: %d parts, more than %d", ErrSkeleton, len(zr.File), docxPartsMax)
	}
	var parts []docxPart
	var sect docxSect
	seen := map[string]bool{}
	total := 0
	hasTypes, hasDoc := false, false
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // a directory entry, not a part
		}
		if f.Name == "" || strings.HasPrefix(f.Name, "/") || strings.Contains(f.Name, "\\") || path.Clean(f.Name) != f.Name {
			return nil, docxSect{}, fmt.Errorf("%w: bad part name %q", ErrSkeleton, f.Name)
		}
		key := strings.ToLower(f.Name) // part names are case-insensitive (OPC §9.1.1.1)
		if seen[key] {
			return nil, docxSect{}, fmt.Errorf("%w: part %q twice", ErrSkeleton, f.Name)
		}
		seen[key] = true
		rc, err := f.Open()
		if err != nil {
			return nil, docxSect{}, fmt.Errorf("%w: part %q: %v", ErrSkeleton, f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, docxPartMax+1))
		rc.Close()
		if err != nil {
			return nil, docxSect{}, fmt.Errorf("%w: part %q: %v", ErrSkeleton, f.Name, err)
		}
		if len(data) > docxPartMax {
			return nil, docxSect{}, fmt.Errorf("%w: part %q is larger than %d bytes", ErrSkeleton, f.Name, docxPartMax)
		}
		if total += len(data); total > docxTotalMax {
			return nil, docxSect{}, fmt.Errorf("%w: parts larger than %d bytes in all", ErrSkeleton, docxTotalMax)
		}
		switch f.Name {
		case "[Content_Types].xml":
			hasTypes = true
			if bytes.Contains(data, []byte("macroEnabled")) {
				return nil, docxSect{}, fmt.Errorf("%w: it is macro-enabled (.docm, .dotm); save it as a .docx", ErrSkeleton)
			}
			// A template (.dotx) becomes a document, or Word refuses the file.
			data = bytes.ReplaceAll(data,
				[]byte("wordprocessingml.template.main+xml"),
				[]byte("wordprocessingml.document.main+xml"))
		case docxDocumentPart:
			hasDoc = true
			if sect, err = docxSkeletonSect(data); err != nil {
				return nil, docxSect{}, fmt.Errorf("%w: word/document.xml: %v", ErrSkeleton, err)
			}
			data = nil
		}
		parts = append(parts, docxPart{f.Name, data})
	}
	if !hasTypes {
		return nil, docxSect{}, fmt.Errorf("%w: no [Content_Types].xml", ErrSkeleton)
	}
	if !hasDoc {
		return nil, docxSect{}, fmt.Errorf("%w: no word/document.xml", ErrSkeleton)
	}
	return parts, sect, nil
}
