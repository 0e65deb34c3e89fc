package stepform

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// checked reports whether a checkbox's value v means ticked.
func checked(v string) bool { return v == "on" || v == "true" }

// blank reports whether v is empty or only white space.
func blank(v string) bool { return strings.TrimSpace(v) == "" }

// text returns v as a text field sends it: line ends as "\n", without the white space around.
func text(v string) string {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	return strings.TrimSpace(strings.ReplaceAll(v, "\r", "\n"))
}

// lines returns the lines of the textareas vs, each trimmed, blank ones left out.
func lines(vs []string) []string {
	var out []string
	for _, v := range vs {
		for line := range strings.SplitSeq(text(v), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, line)
			}
		}
	}
	return out
}

// filled reports whether the form has a value for leaf n under name, one JSON would send.
func filled(n *node, form url.Values, name string) bool {
	switch n.kind {
	case KindLines:
		return len(lines(form[name])) > 0
	case KindChoices:
		for _, v := range form[name] {
			if !blank(v) {
				return true
			}
		}
		return false
	case KindCheck:
		return checked(form.Get(name))
	}
	return !blank(form.Get(name))
}

// indexes maps the name of each array of objects in form ("finding.causes") to the item
// indexes its keys use ("finding.causes.0.dimension"), in order. An index is written in
// decimal without leading zeros and is below a billion; keys of more parts than a field's
// name has are left out.
func indexes(form url.Values) map[string][]int {
	out := map[string][]int{}
	seen := map[string]map[int]bool{}
	for key := range form {
		if dots := strings.Count(key, "."); dots == 0 || dots >= maxDepth {
			continue
		}
		parts := strings.Split(key, ".")
		for j := 1; j < len(parts); j++ {
			i, ok := index(parts[j])
			if !ok {
				continue
			}
			prefix := strings.Join(parts[:j], ".")
			if seen[prefix] == nil {
				seen[prefix] = map[int]bool{}
			}
			if !seen[prefix][i] {
				seen[prefix][i] = true
				out[prefix] = append(out[prefix], i)
			}
		}
	}
	for _, is := range out {
		sort.Ints(is)
	}
	return out
}

// index parses an item's index: decimal, no sign, no leading zero, at most 9 digits.
func index(s string) (int, bool) {
	if s == "" || len(s) > 9 || (s[0] == '0' && len(s) > 1) {
		return 0, false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	i, err := strconv.Atoi(s)
	return i, err == nil
}

// itemName returns the name of item i of the array called name.
func itemName(name string, i int) string { return name + "." + strconv.Itoa(i) }
