package caseflow

// FieldLabel returns the Chinese label of a field path; placeholder until the table lands.
func FieldLabel(string) string { return "" }
