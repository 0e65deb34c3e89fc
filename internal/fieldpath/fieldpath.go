// Package fieldpath reads the paths errors name fields by ("meeting.measures[2]"), for the
// Chinese labels of haochaping.FieldLabel and caseflow.FieldLabel.
package fieldpath

import (
	"strconv"
	"strings"
)

// CutIndex splits a segment of a path, "measures[2]", into its name and index; the index
// is -1 when there is none or it is not a number.
func CutIndex(seg string) (string, int) {
	name, idx, ok := strings.Cut(seg, "[")
	if !ok {
		return seg, -1
	}
	n, err := strconv.Atoi(strings.TrimSuffix(idx, "]"))
	if err != nil || n < 0 || n > maxIndex || !strings.HasSuffix(idx, "]") {
		return name, -1
	}
	return name, n
}

// maxIndex bounds an index a path may name: no list holds more items (haochaping.Limits),
// and a larger number is hostile input that would overflow when counted from 1.
const maxIndex = 1 << 20

// Item numbers an item of a list from 1, as people count: "第3项" for index 2, "" for -1.
func Item(index int) string {
	if index < 0 {
		return ""
	}
	return "第" + strconv.Itoa(index+1) + "项"
}
