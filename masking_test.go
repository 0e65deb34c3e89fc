package haochaping_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// assertMasked fails if s shows the test reviewer's name, phone or ID number in full.
func assertMasked(t *testing.T, s string, msgAndArgs ...any) {
	t.Helper()
	assert.NotContains(t, s, "三丰", msgAndArgs...)
	assert.NotContains(t, s, "12345678", msgAndArgs...)
	assert.NotContains(t, s, "199001011235", msgAndArgs...)
}

// holder is a caller's struct holding reviews, as a log line or a response might.
type holder struct {
	Review  hcp.Review
	Pointer *hcp.Review
	Person  hcp.Reviewer
}

// Regression (issue 10): encoding/json and slog's handlers printed names, phones and ID
// numbers in full for a []Review, a map or a struct holding reviews: only LogValue masked.
func TestEveryEncodingMasksByDefault(t *testing.T) {
	r := validReview(t)
	r.FreeText = "请打13812345678或查身份证450224199001011235"
	values := map[string]any{
		"review": r, "pointer": &r, "slice": []hcp.Review{r}, "map": map[string]hcp.Review{"a": r},
		"struct": holder{r, &r, reviewer}, "reviewer": reviewer, "reviewers": []hcp.Reviewer{reviewer},
		"map of pointers": map[string]*hcp.Review{"a": &r},
	}
	for name, v := range values {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assertMasked(t, string(b), "json.Marshal %s", name)
		var jsonLog, textLog bytes.Buffer
		slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("x", "v", v)
		slog.New(slog.NewTextHandler(&textLog, nil)).Info("x", "v", v)
		assertMasked(t, jsonLog.String(), "slog JSON %s", name)
		assertMasked(t, textLog.String(), "slog text %s", name)
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"} {
			assertMasked(t, fmt.Sprintf(verb, v), "%s %s", verb, name)
		}
	}
	b, err := json.Marshal(reviewer)
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"张**","gender":"male","phone":"138****5678","idNumber":"450224********1235","kind":"natural_person"}`, string(b))
}

// Regression (issue 10): a masked copy decoded as if it were the data, so a log line or a
// response stored back replaced a phone with 138****5678. Decoding refuses it, through the
// default codec and the storage codec alike.
func TestMaskedJSONCannotBeStoredBack(t *testing.T) {
	masked, err := json.Marshal(validReview(t))
	require.NoError(t, err)
	for _, target := range []any{&hcp.Review{}, &hcp.StoredReview{}} {
		err := json.Unmarshal(masked, target)
		require.ErrorIs(t, err, hcp.ErrMasked, "%T", target)
		errs := fieldErrors(t, err)
		for _, field := range []string{"reviewer.name", "reviewer.phone", "reviewer.idNumber"} {
			assert.ErrorIs(t, errs[field], hcp.ErrMasked, field)
		}
		assertMasked(t, err.Error())
	}
	for _, target := range []any{&hcp.Reviewer{}, &hcp.StoredReviewer{}} {
		assert.ErrorIs(t, json.Unmarshal([]byte(`{"phone":"138****5678"}`), target), hcp.ErrMasked, "%T", target)
	}
	for _, text := range []string{"请打138****5678", "身份证450224********123X", "工号12****7"} {
		lit, _ := json.Marshal(text)
		var r hcp.StoredReview
		err := json.Unmarshal([]byte(`{"id":"P#1","freeText":`+string(lit)+`}`), &r)
		assert.ErrorIs(t, err, hcp.ErrMasked, text)
		assert.Equal(t, hcp.StoredReview{}, r, "left unchanged")
	}
	var r hcp.Review
	assert.NoError(t, json.Unmarshal([]byte(`{"freeText":"等了**很久**，第3号窗口"}`), &r), "stars without digits are the reviewer's own")
}

// The storage codec keeps every field, the reviewer's and the free text's digits included.
func TestStoredReviewRoundTrip(t *testing.T) {
	r := validReview(t)
	r.FreeText, r.FollowUp, r.Anonymous = "请打13812345678\n谢谢", true, true
	b, err := json.Marshal((*hcp.StoredReview)(&r))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"idNumber":"450224199001011235"`)
	assert.Contains(t, string(b), `"freeText":"请打13812345678\n谢谢"`)
	var back hcp.StoredReview
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Time.Equal(back.Time))
	back.Time = r.Time
	assert.Equal(t, r, hcp.Review(back))

	b, err = json.Marshal(hcp.StoredReviewer(reviewer))
	require.NoError(t, err)
	var rv hcp.StoredReviewer
	require.NoError(t, json.Unmarshal(b, &rv))
	assert.Equal(t, reviewer, hcp.Reviewer(rv))
}

func FuzzStoredReview(f *testing.F) {
	r := hcp.Review{ID: "P#1", MatterNumber: "P", Level: hcp.Dissatisfied, Channel: hcp.ChannelDevice,
		Time: now, Reviewer: reviewer, FreeText: "请打13812345678", Options: hcp.Options()[:2]}
	b, _ := json.Marshal(hcp.StoredReview(r))
	f.Add(b)
	f.Add([]byte(`{"reviewer":{"name":"张*"}}`))
	f.Add([]byte(`{"freeText":"1**","level":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var first hcp.StoredReview
		if json.Unmarshal(data, &first) != nil {
			return
		}
		b, err := json.Marshal(first)
		if err != nil {
			return // an enumeration outside its codes has no text code to encode
		}
		var second hcp.StoredReview
		if err := json.Unmarshal(b, &second); err != nil {
			t.Fatalf("%s decodes, but not its encoding %s: %v", data, b, err)
		}
		b2, err := json.Marshal(second)
		if err != nil || !bytes.Equal(b, b2) {
			t.Fatalf("a round trip changed %s into %s (%v)", b, b2, err)
		}
	})
}

// Regression (issue 10): MaskText found digit runs only when written without separators,
// so "138 1234 5678" and full-width digits passed unmasked.
func TestMaskTextFindsSeparatedAndFullWidthDigits(t *testing.T) {
	for in, want := range map[string]string{
		"电话138 1234 5678":          "电话138****5678",
		"电话138-1234-5678。":         "电话138****5678。",
		"电话１３８１２３４５６７８":            "电话138****5678",
		"身份证4502 2419 9001 011234": "身份证450224********1234",
		"身份证45022419900101123x":    "身份证450224********123X",
		"混合１３８ 1234－５６７８号":         "混合138****5678号",
		"工号1234567，第3号窗口":          "工号12****7，第3号窗口",
		"2026-11-20 办的":            "20****20 办的",
		"第3号窗口，等了45分钟":             "第3号窗口，等了45分钟",
		"没有数字":                     "没有数字",
	} {
		got := hcp.MaskText(in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, got, hcp.MaskText(got), "masked text stays as it is: %s", in)
	}
}

// longDigitRun finds 7 digits or more once full-width digits are folded and spaces and
// hyphens between digits removed: what FuzzMaskText says never survives.
var longDigitRun = regexp.MustCompile(`[0-9]([\s\x{3000}\x{00a0}\-－‐‑‒–—]*[0-9]){6,}`)

func foldFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

func FuzzMaskText(f *testing.F) {
	for _, s := range []string{"电话138 1234 5678", "１３８１２３４５６７８", "4502 2419 9001 011234", "12****7 8", "1\u3000-2 3-4 5 6 7X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := hcp.MaskText(s)
		if m := longDigitRun.FindString(foldFullWidth(got)); m != "" {
			t.Fatalf("MaskText(%q) = %q keeps the digit run %q", s, got, m)
		}
		if again := hcp.MaskText(got); again != got {
			t.Fatalf("MaskText(%q) = %q, and again %q", s, got, again)
		}
	})
}
