package main

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The trail says what each step recorded, in the words of its form: options by their
// labels, lists once titled, an item's fields by their own names.
func TestStepContentInChinese(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-001100")
	p.walkTo(t, id, "verify")
	c, err := p.svc.Get(context.Background(), id)
	require.NoError(t, err)
	want := map[string]string{
		"register": "报告对象：“好差评”工作分管领导、窗口负责人；责任主体：税务窗口",
		"meeting":  "参会人员：孙八、钱七；整改措施：开展服务礼仪培训；责任人：钱七",
		"report":   "认定的原因：方面：服务态度，责任人：钱七；认定的结论：属实；调查处理情况：调取评价器视频，情况属实；调查人：孙八；整改措施：开展服务礼仪培训；调查对象：钱七",
		"transfer": "",
	}
	for _, e := range c.Trail {
		if w, ok := want[string(e.Event)]; ok {
			assert.Equal(t, w, stepContent(e), e.Event)
		}
	}
}
