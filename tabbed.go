package haochaping

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// maxListData bounds the text of an option list or a crosswalk: the national list and its
// crosswalk are a few kilobytes.
const maxListData = 1 << 20

// tabbed reads the text form option lists and crosswalks share: UTF-8, one entry a line,
// fields separated by tabs, blank lines and lines starting with # skipped, header lines
// "@name<tab>value". It collects every problem, each naming its line.
type tabbed struct {
	kind string // what is read, in messages: "option list", "crosswalk"
	errs []error
}

// bad records a problem of line n.
func (t *tabbed) bad(n int, format string, args ...any) {
	t.errs = append(t.errs, fmt.Errorf("haochaping: %s line %d: "+format, append([]any{t.kind, n}, args...)...))
}

// read sets each header of headers from its line and calls entry with the fields and the
// number of every other line. Data over maxListData is refused unread.
func (t *tabbed) read(data []byte, headers map[string]*string, entry func(n int, fields []string)) {
	if len(data) > maxListData {
		t.errs = append(t.errs, fmt.Errorf("haochaping: %s: %d bytes; the limit is %d", t.kind, len(data), maxListData))
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		header, ok := headers[fields[0]]
		switch {
		case !ok:
			entry(n, fields)
		case len(fields) != 2 || strings.TrimSpace(fields[1]) == "":
			t.bad(n, "%s takes one value after a tab", fields[0])
		default:
			*header = fields[1]
		}
	}
	if err := sc.Err(); err != nil {
		t.errs = append(t.errs, fmt.Errorf("haochaping: %s: %w", t.kind, err))
	}
}
