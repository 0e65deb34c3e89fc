package mdtext

import "testing"

func TestEscape(t *testing.T) {
	for _, tt := range []struct {
		in    string
		block bool
		want  string
	}{
		{"a|b", true, `a\|b`},
		{`a\|b`, true, `a\\\|b`},
		{"*x* _y_ `z` [l](u) <b> &amp; ~s~", true, "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\&amp; \\~s\\~"},
		{"# h", true, `\# h`},
		{"# 标题", false, `# 标题`},
		{"- item", true, `\- item`},
		{"-0.50", false, `-0.50`},
		{"12. item", true, `12\. item`},
		{"12) item", true, `12\) item`},
		{"1.\titem", true, "1\\.\titem"},
		{"1.5 米", true, "1.5 米"},
		{"a # b", true, "a # b"},
		{"差评 | 整改", false, `差评 \| 整改`},
		{`C:\路径`, false, `C:\\路径`},
		{"", true, ""},
	} {
		if got := Escape(tt.in, tt.block); got != tt.want {
			t.Errorf("Escape(%q, %v) = %q, want %q", tt.in, tt.block, got, tt.want)
		}
	}
}
