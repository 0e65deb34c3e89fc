package scoring

// PercentForTest is percent, the prose's way of writing a rate, for the tests of package
// scoring_test.
var PercentForTest = percent
