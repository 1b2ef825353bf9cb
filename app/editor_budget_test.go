package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"copydesk/backend/render"
)

func TestInspectDraftPausesTheSlowPreviewOnly(t *testing.T) {
	s := newEditorService(newSiteWorkspace(openWorkspaceFromEnvironment))
	s.budget = render.NewBudget(20 * time.Millisecond)
	var b strings.Builder
	b.WriteString("---\ntitle: 病态脚注\n---\n\n")
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, "引用[^%d]。", i)
	}
	b.WriteString("\n\n")
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, "[^%d]: 来源%d\n", i, i)
	}
	slow := b.String()
	x, err := s.InspectDraft(7, slow, "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	if !x.Preview.Paused || x.Preview.HTML != "" || x.Preview.Error != "" {
		t.Fatalf("slow text: paused=%v html=%d bytes error=%q, want paused", x.Preview.Paused, len(x.Preview.HTML), x.Preview.Error)
	}
	if x.Counts.Han == 0 || x.FrontMatter != "ok" {
		t.Errorf("the rest of the inspection must not be paused: %+v", x.Counts)
	}
	// Another draft renders meanwhile.
	y, err := s.InspectDraft(8, "---\ntitle: 短\n---\n\n短文。\n", "zh-CN")
	if err != nil || y.Preview.Paused || !strings.Contains(y.Preview.HTML, "短文") {
		t.Fatalf("another draft: %+v, %v", y.Preview, err)
	}
	// Plain Inspect has no budget and still renders everything.
	if z, err := s.Inspect("---\ntitle: 短\n---\n\n正文。\n", "en"); err != nil || !strings.Contains(z.Preview.HTML, "正文") {
		t.Fatalf("Inspect: %+v, %v", z.Preview, err)
	}
}
