package caseflow

import (
	"strconv"
	"strings"
)

// Step is the content of one step of a workflow: a [Registration], a [FollowUp], a [Report]
// and so on. Its type (and, for a few, a field such as FollowUp.Verdict) says which event it
// is; the workflow says who may take it and when.
type Step interface {
	// Event returns the event the step fires.
	Event() Event
	// check reports content the step requires but lacks, citing its article.
	check(c *Case) *RefusalError
	// apply records the step's content on the case; it cannot fail.
	apply(c *Case, e *Entry)
}

// blank reports whether s has nothing but spaces.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// requireText refuses a blank required text.
func requireText(rule, field, s, detail string) *RefusalError {
	if blank(s) {
		return missing(rule, field, s, detail)
	}
	return nil
}

// requireList refuses an empty list or one with a blank item.
func requireList(rule, field string, items []string, detail string) *RefusalError {
	if len(items) == 0 {
		return missing(rule, field, "", detail)
	}
	for i, s := range items {
		if blank(s) {
			return missing(rule, field+"["+strconv.Itoa(i)+"]", s, "an item is blank").hinted("为空，请填写或删除该项")
		}
	}
	return nil
}

// firstRefusal returns the first non-nil refusal.
func firstRefusal(rs ...*RefusalError) *RefusalError {
	for _, r := range rs {
		if r != nil {
			return r
		}
	}
	return nil
}
