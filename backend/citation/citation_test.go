package citation

import (
	"errors"
	"reflect"
	"testing"
)

// houseLines are citation definitions in house style, written for these
// tests in the shape of the reference article's 引文部分.
var houseLines = []string{
	"[英伟达发布新一代数据中心GPU](https://www.example.com/2025/06/27/nvidia-gpu.html)·科技日报·王小明, 李华（2025/6/27）·检索日期2025/6/27",
	"[Meta Expands AI Data Center Plans](https://news.example.org/meta-ai-data-center/)·Example News·Jane Doe（2025/1/24）·检索日期2025/6/27",
	"[OpenAI Releases a New Reasoning Model](https://example.com/openai-reasoning-model)·Example Wire（2025/1/24）·检索日期2025/6/27",
	"[算力租赁市场观察](https://example.cn/a?id=42&src=feed)·产业观察（2024/12/1）·检索日期2025/1/2",
	"[马克·扎克伯格的“超智能”计划](https://example.com/zuck)·财经周刊·马克·扎克伯格, 约翰·史密斯（2025/6/1）·检索日期2025/6/2",
	"[Transformer (machine learning)](https://en.wikipedia.org/wiki/Transformer_(machine_learning))·Wikipedia（2025/5/30）·检索日期2025/6/27",
	"[[Update] Chips Act funding round](https://example.com/chips)·Policy Daily·A. Smith, B. Jones, C. Wang（2023/8/9）·检索日期2025/6/27",
}

func TestParseHouseStyle(t *testing.T) {
	st := DefaultStyle()
	tests := []struct {
		line string
		want Citation
	}{
		{houseLines[0], Citation{
			Title: "英伟达发布新一代数据中心GPU", URL: "https://www.example.com/2025/06/27/nvidia-gpu.html",
			Outlet: "科技日报", Authors: []string{"王小明", "李华"},
			Published: Date{2025, 6, 27}, PublishedText: "2025/6/27", Retrieved: Date{2025, 6, 27}, RetrievedText: "2025/6/27",
		}},
		{houseLines[2], Citation{
			Title: "OpenAI Releases a New Reasoning Model", URL: "https://example.com/openai-reasoning-model",
			Outlet: "Example Wire", Published: Date{2025, 1, 24}, PublishedText: "2025/1/24",
			Retrieved: Date{2025, 6, 27}, RetrievedText: "2025/6/27",
		}},
		{houseLines[4], Citation{
			Title: "马克·扎克伯格的“超智能”计划", URL: "https://example.com/zuck",
			Outlet: "财经周刊", Authors: []string{"马克·扎克伯格", "约翰·史密斯"},
			Published: Date{2025, 6, 1}, PublishedText: "2025/6/1", Retrieved: Date{2025, 6, 2}, RetrievedText: "2025/6/2",
		}},
		{houseLines[5], Citation{
			Title: "Transformer (machine learning)", URL: "https://en.wikipedia.org/wiki/Transformer_(machine_learning)",
			Outlet: "Wikipedia", Published: Date{2025, 5, 30}, PublishedText: "2025/5/30",
			Retrieved: Date{2025, 6, 27}, RetrievedText: "2025/6/27",
		}},
		{houseLines[6], Citation{
			Title: "[Update] Chips Act funding round", URL: "https://example.com/chips",
			Outlet: "Policy Daily", Authors: []string{"A. Smith", "B. Jones", "C. Wang"},
			Published: Date{2023, 8, 9}, PublishedText: "2023/8/9", Retrieved: Date{2025, 6, 27}, RetrievedText: "2025/6/27",
		}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.line, st)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.line, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.line, got, tt.want)
		}
	}
}

func TestHouseStyleRoundTripsByteIdentical(t *testing.T) {
	for _, line := range houseLines {
		c, err := Parse(line, DefaultStyle())
		if err != nil {
			t.Fatalf("Parse(%q): %v", line, err)
		}
		if got := Format(c, DefaultStyle()); got != line {
			t.Errorf("round trip changed the line\n got %q\nwant %q", got, line)
		}
	}
}

func TestParseLenientInput(t *testing.T) {
	tests := []struct {
		name, line, wantFormatted string
	}{
		{"zero padded dates",
			"[标题](https://example.com/a)·新华社（2025/06/07）·检索日期2025/06/27",
			"[标题](https://example.com/a)·新华社（2025/6/7）·检索日期2025/6/27"},
		{"ISO dates",
			"[标题](https://example.com/a)·新华社（2025-06-07）·检索日期2025-06-27",
			"[标题](https://example.com/a)·新华社（2025/6/7）·检索日期2025/6/27"},
		{"full-width author comma and trailing spaces",
			"[标题](https://example.com/a)·新华社·张三，李四 （2025/6/7）·检索日期2025/6/27  ",
			"[标题](https://example.com/a)·新华社·张三, 李四（2025/6/7）·检索日期2025/6/27"},
		{"missing retrieval part",
			"[标题](https://example.com/a)·新华社（2025/6/7）",
			"[标题](https://example.com/a)·新华社（2025/6/7）·检索日期"},
		{"label without separator",
			"[标题](https://example.com/a)·新华社（2025/6/7）检索日期2025/6/8",
			"[标题](https://example.com/a)·新华社（2025/6/7）·检索日期2025/6/8"},
	}
	for _, tt := range tests {
		c, err := Parse(tt.line, DefaultStyle())
		if err != nil {
			t.Fatalf("%s: Parse: %v", tt.name, err)
		}
		if got := Format(c, DefaultStyle()); got != tt.wantFormatted {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.wantFormatted)
		}
	}
}

func TestParseDateProblems(t *testing.T) {
	tests := []struct {
		line                               string
		pubInvalid, retMissing, retInvalid bool
		pubText, retText                   string
	}{
		{"[t](https://e.com)·O（2025/2/30）·检索日期2025/6/27", true, false, false, "2025/2/30", "2025/6/27"},
		{"[t](https://e.com)·O（2025/6/1）·检索日期2025/13/1", false, false, true, "2025/6/1", "2025/13/1"},
		{"[t](https://e.com)·O（六月一日）·检索日期昨天", true, false, true, "六月一日", "昨天"},
		{"[t](https://e.com)·O（2025/6/1）", false, true, false, "2025/6/1", ""},
		{"[t](https://e.com)·O（）·检索日期", true, true, false, "", ""},
	}
	for _, tt := range tests {
		c, err := Parse(tt.line, DefaultStyle())
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.line, err)
		}
		if c.PublishedInvalid() != tt.pubInvalid || c.RetrievedMissing() != tt.retMissing || c.RetrievedInvalid() != tt.retInvalid {
			t.Errorf("%q: pubInvalid=%v retMissing=%v retInvalid=%v", tt.line, c.PublishedInvalid(), c.RetrievedMissing(), c.RetrievedInvalid())
		}
		if c.PublishedText != tt.pubText || c.RetrievedText != tt.retText {
			t.Errorf("%q: texts %q %q", tt.line, c.PublishedText, c.RetrievedText)
		}
	}
}

func TestParseRejectsNonHouseStyle(t *testing.T) {
	tests := []struct {
		line string
		want Problem
	}{
		{"", ProblemEmpty},
		{"见 https://example.com/a", ProblemLink},
		{"[标题] (https://example.com/a)·新华社（2025/6/7）·检索日期2025/6/8", ProblemLink},
		{"[标题](https://example.com/a b)·新华社（2025/6/7）·检索日期2025/6/8", ProblemLink},
		{"[标题](https://example.com/a)新华社（2025/6/7）·检索日期2025/6/8", ProblemSeparator},
		{"[标题](https://example.com/a)・新华社（2025/6/7）·检索日期2025/6/8", ProblemSeparator},
		{"[标题](https://example.com/a)·新华社(2025/6/7)·检索日期2025/6/8", ProblemPublished},
		{"[标题](https://example.com/a)·新华社·检索日期2025/6/8", ProblemPublished},
		{"[标题](https://example.com/a)·（2025/6/7）·检索日期2025/6/8", ProblemOutlet},
		{"[未闭合标题(https://example.com/a)·新华社（2025/6/7）", ProblemLink},
	}
	for _, tt := range tests {
		_, err := Parse(tt.line, DefaultStyle())
		var fe *FormatError
		if !errors.As(err, &fe) || fe.Problem != tt.want {
			t.Errorf("Parse(%q) = %v, want problem %s", tt.line, err, tt.want)
		}
	}
}

func TestCustomStyle(t *testing.T) {
	st := Style{Separator: " | ", RetrievedLabel: "accessed ", OpenParen: " (", CloseParen: ")", AuthorSep: "; ", DateLayout: LayoutISO}
	line := "[A report](https://example.com/r) | Example Times | Ann Lee; Bo Chen (2025-01-02) | accessed 2025-03-04"
	c, err := Parse(line, st)
	if err != nil {
		t.Fatal(err)
	}
	if c.Outlet != "Example Times" || len(c.Authors) != 2 || c.Retrieved != (Date{2025, 3, 4}) {
		t.Fatalf("got %#v", c)
	}
	if got := Format(c, st); got != line {
		t.Errorf("got %q", got)
	}
}

func TestDate(t *testing.T) {
	valid := map[string]Date{"2025/6/27": {2025, 6, 27}, "2024/2/29": {2024, 2, 29}, "2025年6月7日": {2025, 6, 7}, " 2000/02/29 ": {2000, 2, 29}}
	for s, want := range valid {
		if d, ok := ParseDate(s); !ok || d != want {
			t.Errorf("ParseDate(%q) = %v %v", s, d, ok)
		}
	}
	for _, s := range []string{"2025/2/29", "1900/2/29", "2025/13/1", "2025/0/1", "2025/6/31", "25/6/1", "2025/6", "2025/6/1/1", "2025/6/x", "2025/006/1", "2025-6/1"} {
		if d, ok := ParseDate(s); ok {
			t.Errorf("ParseDate(%q) = %v, want invalid", s, d)
		}
	}
	a, b := Date{2025, 5, 28}, Date{2025, 6, 27}
	if a.DaysUntil(b) != 30 || b.DaysUntil(a) != -30 || !a.Before(b) || !b.After(a) || a.Compare(a) != 0 {
		t.Error("day arithmetic")
	}
	if got := (Date{2024, 12, 31}).AddDays(60); got != (Date{2025, 3, 1}) {
		t.Errorf("AddDays = %v", got)
	}
	if (Date{2025, 6, 7}).Format(LayoutSlashPadded) != "2025/06/07" || (Date{2025, 6, 7}).String() != "2025/6/7" {
		t.Error("Format")
	}
}
