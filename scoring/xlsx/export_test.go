package xlsx

// Ordinal is ordinal, for the tests of package xlsx_test.
var Ordinal = ordinal
