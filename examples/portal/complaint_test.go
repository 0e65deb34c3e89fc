package main

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// townshipComplaint is an on-site complaint at the township centre about its window.
func townshipComplaint(now string) url.Values {
	return url.Values{"center": {"town-changan"}, "time": {now}, "name": {"刘芳"}, "phone": {"13900005678"},
		"content": {"排队时间长，取号机故障，刘芳等候一小时"}, "window": {"w-changan"}, "matterNumber": {"450224-2026-000456"},
		"serviceItem": {"社保卡补办"}, "id": {"OS-test-1"}}
}

// 第四条（二）, Annex 2: an on-site complaint at a township centre is registered by the
// township's leader in charge and handled there; the portal takes it from the complaint to
// the archive, each step by the one demo user the case page offers it to.
func TestAnnex2第四条TownshipComplaintThroughTheForms(t *testing.T) {
	p := newPortal(t)
	ctx := context.Background()
	zhou := p.as(t, "zhou")
	a, err := zhou.Get(ctx, "/")
	require.NoError(t, err)
	assert.Contains(t, a.Text(), `href="/complaints/new"`)
	a, err = zhou.Get(ctx, "/complaints/new")
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status)
	assert.Contains(t, a.Text(), `<option value="town-changan"`)
	assert.NotContains(t, a.Text(), `<option value="center"`, "the township's leader registers at the township alone")
	now := p.now().In(p.svc.Calendar.Location()).Format("2006-01-02T15:04")
	a, err = zhou.Post(ctx, "/complaints", townshipComplaint(now))
	require.NoError(t, err)
	require.Equal(t, http.StatusSeeOther, a.Status, a.Text())
	id := strings.TrimPrefix(strings.Split(a.Location, "?")[0], "/cases/")
	again, err := zhou.Post(ctx, "/complaints", townshipComplaint(now))
	require.NoError(t, err)
	assert.Equal(t, a.Location, again.Location, "the same form posted twice opens one case")

	forms := map[string]url.Values{
		"register":      {"content": {"投诉窗口排队时间长"}},
		"assign":        {"responsibleWindow": {"w-changan"}, "basis": {"投诉所指窗口"}},
		"transfer":      {},
		"report":        DemoWalk[4].Form,
		"report_leader": {"summary": {"窗口已维修取号机并整改"}, "opinion": {"同意"}},
		"recall":        {"outcome": {"投诉人对处理结果满意"}},
		"archive":       {},
	}
	users := map[string]*Client{}
	for _, u := range DemoUsers().Users() {
		users[u.ID] = p.as(t, u.ID)
	}
	for _, ev := range []string{"register", "assign", "transfer", "report", "report_leader", "recall", "archive"} {
		var takers []string
		for _, u := range DemoUsers().Users() {
			a, err := users[u.ID].Get(ctx, "/cases/"+id)
			require.NoError(t, err)
			if a.Status == http.StatusOK && slices.Contains(offered(a), ev) {
				takers = append(takers, u.ID)
			}
		}
		require.NotEmpty(t, takers, "nobody is offered %s", ev)
		a, err := users[takers[0]].Post(ctx, "/cases/"+id+"/steps/"+ev, forms[ev])
		require.NoError(t, err)
		require.Equal(t, http.StatusSeeOther, a.Status, "%s by %s: %s", ev, takers[0], a.Text())
		t.Logf("%s: %v", ev, takers)
		switch ev {
		case "register", "assign", "transfer":
			assert.Contains(t, takers, "zhou", "the township's leader coordinates (第四条（二）)")
		case "report":
			assert.Equal(t, []string{"zhou"}, takers, "at a township the leader in charge reports, not the window (第四条（二）)")
		}
	}
	c, err := p.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "已备案", c.StateLabel())
	a, err = users["li"].Get(ctx, "/cases/"+id)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, a.Status, "another unit's window")
	a, err = users["zheng"].Get(ctx, "/cases/"+id)
	require.NoError(t, err)
	assert.Contains(t, a.Text(), "刘*")
	notShown(t, a.Text(), "刘芳", "the complainant's name, in the particulars and the content")
	notShown(t, a.Text(), "13900005678")
}

// Only the office and the leaders of sub-centres and township centres register on-site
// complaints; a refused complaint is shown again as typed, with the reason in Chinese, and
// opens nothing.
func TestComplaintRefusals(t *testing.T) {
	p := newPortal(t)
	ctx := context.Background()
	for _, user := range []string{"qian", "zhao", "chen", "wu"} {
		a, err := p.as(t, user).Get(ctx, "/complaints/new")
		require.NoError(t, err)
		assert.Equal(t, http.StatusForbidden, a.Status, user)
		a, err = p.as(t, user).Post(ctx, "/complaints", townshipComplaint("2026-12-01T09:30"))
		require.NoError(t, err)
		assert.Equal(t, http.StatusForbidden, a.Status, user)
	}
	before := p.snapshot(t)
	now := p.now().In(p.svc.Calendar.Location()).Format("2006-01-02T15:04")
	for _, tc := range []struct {
		name, field, value, message string
	}{
		{"another centre", "center", "center", "服务中心"},
		{"no time", "time", "soon", "投诉时间"},
		{"a bad phone", "phone", "电话号码", "电话"},
		{"no content", "content", "", "投诉内容"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := townshipComplaint(now)
			f.Set(tc.field, tc.value)
			a, err := p.as(t, "zhou").Post(ctx, "/complaints", f)
			require.NoError(t, err)
			assert.Equal(t, http.StatusUnprocessableEntity, a.Status, a.Text())
			assert.Regexp(t, regexp.MustCompile(`role="alert">[^<]*`+tc.message), a.Text())
			assert.Contains(t, a.Text(), `value="450224-2026-000456"`, "what was typed stays")
			assert.Equal(t, before, p.snapshot(t))
		})
	}
}
