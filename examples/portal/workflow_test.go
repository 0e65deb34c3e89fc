package main

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Annex 3: a pushed bad review goes from registration to the archive through the forms,
// each person doing their step; each case page offers exactly the steps of its reader.
func TestAnnex3WholeCaseThroughTheForms(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000500")
	ctx := context.Background()
	for _, st := range DemoWalk {
		c := p.as(t, st.User)
		a, err := c.Get(ctx, "/cases/"+id)
		require.NoError(t, err)
		assert.Contains(t, a.Text(), `data-event="`+st.Event+`"`, "%s is offered %s", st.User, st.Event)
		a, err = c.Get(ctx, "/cases/"+id+"/steps/"+st.Event)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, a.Status, a.Text())
		for name := range st.Form {
			assert.Contains(t, a.Text(), `name="`+name+`"`, "the form of %s has %s", st.Event, name)
		}
		a, err = c.Post(ctx, "/cases/"+id+"/steps/"+st.Event, st.Form)
		require.NoError(t, err)
		require.Equal(t, http.StatusSeeOther, a.Status, "%s: %s", st.Event, a.Text())
		a, err = c.Get(ctx, a.Location)
		require.NoError(t, err)
		assert.Contains(t, a.Text(), "已办理：")
	}
	c, err := p.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "已备案", c.StateLabel())
	assert.Len(t, c.Trail, len(DemoWalk)+1)
	assert.Equal(t, "w-tax", c.ResponsibleWindow.ID)
	a, err := p.as(t, "wang").Get(ctx, "/cases/"+id)
	require.NoError(t, err)
	steps := regexp.MustCompile(`data-event="([a-z_]+)"`).FindAllStringSubmatch(a.Text(), -1)
	require.Len(t, steps, 1, "an archived case offers one step")
	assert.Equal(t, "erase", steps[0][1], "the erasure of personal data (个人信息保护法第四十七条)")
}

// A step refused by the workflow shows its form again, as typed, with the reason in Chinese,
// and changes nothing.
func TestRefusalShownInChinese(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000501")
	p.walkTo(t, id, "report")
	before := p.snapshot(t)
	form := url.Values{"investigator": {"孙八"}, "measures": {"开展服务礼仪培训\n加强考勤"}, "finding.causes.0.dimension": {"attitude"}}
	a, err := p.as(t, "sun").Post(context.Background(), "/cases/"+id+"/steps/report", form)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnprocessableEntity, a.Status)
	assert.Regexp(t, `role="alert">[^<]*[\p{Han}]`, a.Text(), "the reason, in Chinese")
	assert.Contains(t, a.Text(), `value="孙八"`, "what was typed stays")
	assert.Contains(t, a.Text(), "开展服务礼仪培训\n加强考勤")
	assert.Equal(t, before, p.snapshot(t))

	a, err = p.as(t, "sun").Post(context.Background(), "/cases/"+id+"/steps/report", url.Values{"finding.verdict": {"maybe"}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnprocessableEntity, a.Status)
	assert.Contains(t, a.Text(), "认定的结论")
	assert.Equal(t, before, p.snapshot(t))
}

// Personal data: every page masks the reviewer's name and phone, but the office's callback
// form, where the office needs the number to call (第六条); documents mask them too.
func TestPersonalDataMasked(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000502")
	p.walkTo(t, id, "callback")
	ctx := context.Background()
	full := func(s string) bool { return strings.Contains(s, "13812345678") || strings.Contains(s, "张三丰") }
	a, err := p.as(t, "wang").Get(ctx, "/cases/"+id+"/steps/callback")
	require.NoError(t, err)
	assert.True(t, full(a.Text()), "the office's callback form shows the number")
	for _, get := range []string{"/cases/" + id, "/", "/cases/" + id + "/steps/urge", "/cases/" + id + "/documents/registration.html",
		"/cases/" + id + "/documents/registration.md", "/cases/" + id + "/documents/summary.html"} {
		a, err := p.as(t, "wang").Get(ctx, get)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, a.Status, get)
		assert.False(t, full(a.Text()), get)
	}
	a, err = p.as(t, "wang").Get(ctx, "/cases/"+id)
	require.NoError(t, err)
	assert.Contains(t, a.Text(), "138****5678")
	assert.Contains(t, a.Text(), "张**")
	p.walkTo(t, id, "meeting")
	a, err = p.as(t, "sun").Get(ctx, "/cases/"+id)
	require.NoError(t, err)
	assert.False(t, full(a.Text()), "the window reads the case masked")
	a, err = p.as(t, "wang").Get(ctx, "/cases/"+id+"/documents/registration.docx")
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(a.Body), int64(len(a.Body)))
	require.NoError(t, err)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		assert.False(t, full(b.String()), f.Name)
	}
}

// The worklist lists the user's duties soonest due first, and marks those at risk and overdue.
func TestWorklistSoonestFirstOverdueMarked(t *testing.T) {
	p := newPortal(t)
	first := p.pushCase(t, "450224-2026-000600") // to register the same day (第五条)
	p.advance(3 * 24 * time.Hour)                // three days on, a working day passed at least: overdue
	second := p.pushCase(t, "450224-2026-000601")
	ctx := context.Background()
	a, err := p.as(t, "wang").Get(ctx, "/")
	require.NoError(t, err)
	rows := regexp.MustCompile(`(?s)<tr class="([a-z_]*)">.*?</tr>`).FindAllStringSubmatch(a.Text(), -1)
	require.Len(t, rows, 6, "each case owes registration, callback and transfer from its receipt")
	for _, r := range rows[:3] {
		assert.Contains(t, r[0], first, "the overdue duties come first")
		assert.Equal(t, "overdue", r[1])
		assert.Contains(t, r[0], "超期（")
	}
	for _, r := range rows[3:] {
		assert.Contains(t, r[0], second)
		assert.NotEqual(t, "overdue", r[1])
	}
	a, err = p.as(t, "qian").Get(ctx, "/")
	require.NoError(t, err)
	assert.Contains(t, a.Text(), "暂无待办事项", "the window owes nothing before the transfer")
}

// The documents of a case download as .docx (a zip), Markdown and HTML; an unknown one is 404.
func TestDocuments(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000700")
	p.walkTo(t, id, "callback")
	ctx := context.Background()
	c := p.as(t, "wang")
	a, err := c.Get(ctx, "/cases/"+id+"/documents/registration.docx")
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status)
	assert.Contains(t, a.Header.Get("Content-Disposition"), "attachment; filename*=UTF-8''"+url.PathEscape("差评办件转办登记表-"+id+".docx"))
	_, err = zip.NewReader(bytes.NewReader(a.Body), int64(len(a.Body)))
	assert.NoError(t, err)
	a, err = c.Get(ctx, "/cases/"+id+"/documents/registration.md")
	require.NoError(t, err)
	assert.Contains(t, a.Text(), "差评办件转办登记表")
	for _, bad := range []string{"registration.pdf", "report.docx", "registration.docx.html", "registration"} {
		a, err := c.Get(ctx, "/cases/"+id+"/documents/"+bad)
		require.NoError(t, err)
		assert.Equal(t, http.StatusNotFound, a.Status, bad)
	}
}

// The monthly bulletin (第三条) counts the pushed ratings and cases, as a page and a workbook.
func TestBulletin第三条(t *testing.T) {
	p := newPortal(t)
	p.pushCase(t, "450224-2026-000800")
	ctx := context.Background()
	_, err := NewClient(p.URL).Push(ctx, DemoRating("450224-2026-000801", p.now().Add(-time.Hour)), testSecret, p.now())
	require.NoError(t, err)
	c := p.as(t, "chen")
	a, err := c.Get(ctx, "/bulletin")
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status, a.Text())
	assert.Contains(t, a.Text(), "通报")
	assert.Contains(t, a.Text(), "融安县税务局")
	assert.Contains(t, a.Text(), "<svg")
	a, err = c.Get(ctx, "/bulletin.xlsx?month="+p.now().Format("2006-01"))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status)
	_, err = zip.NewReader(bytes.NewReader(a.Body), int64(len(a.Body)))
	assert.NoError(t, err)
	for _, bad := range []string{"2026-13", "next", p.now().AddDate(0, 2, 0).Format("2006-01"), "1999-01"} {
		a, err := c.Get(ctx, "/bulletin?month="+bad)
		require.NoError(t, err)
		assert.Equal(t, http.StatusBadRequest, a.Status, bad)
		assert.Contains(t, a.Text(), "月份")
	}
}

// /healthz answers ok while the database does, and 503 when it is gone.
func TestHealthz(t *testing.T) {
	p := newPortal(t)
	a, err := NewClient(p.URL).Get(context.Background(), "/healthz")
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, a.Status)
	require.NoError(t, p.db.Close())
	a, err = NewClient(p.URL).Get(context.Background(), "/healthz")
	require.NoError(t, err)
	assert.Equal(t, http.StatusServiceUnavailable, a.Status)
	a, err = NewClient(p.URL).Get(context.Background(), "/no/such/page")
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, a.Status)
}

// A step's form asks first for what the step requires: the report (第五条, Annex 5) opens with
// its investigator, not with the optional 申请人民族; it offers no extension, which makes the
// report the other step (报送报告，说明理由和整改期限).
func TestStepFormRequiredFirst(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000900")
	p.walkTo(t, id, "report")
	a, err := p.as(t, "sun").Get(context.Background(), "/cases/"+id+"/steps/report")
	require.NoError(t, err)
	names := regexp.MustCompile(`id="f-([a-zA-Z.0-9]+)"`).FindAllStringSubmatch(a.Text(), -1)
	require.NotEmpty(t, names)
	var order []string
	for _, n := range names {
		order = append(order, n[1])
	}
	assert.Less(t, slices.Index(order, "investigator"), slices.Index(order, "applicantEthnicity"))
	assert.Less(t, slices.Index(order, "finding.verdict"), slices.Index(order, "disclosure"))
	assert.NotContains(t, a.Text(), `name="extension.`)
	a, err = p.as(t, "sun").Get(context.Background(), "/cases/"+id+"/steps/report_extension")
	require.NoError(t, err)
	assert.Contains(t, a.Text(), `name="extension.until"`, "the extension's own step asks for it")
}
