package library

import (
	"strings"
	"testing"
	"time"

	"copydesk/backend/check"
	"copydesk/backend/profile"
)

// The template is what every new draft starts from: it must itself pass the
// house checks (apart from being dated, which it is at creation).
func TestTemplateIsCleanHouseStyle(t *testing.T) {
	p := profile.Default()
	now := time.Date(2025, 7, 7, 17, 30, 0, 0, time.UTC) // already 7/8 01:30 in Shanghai
	text, err := Template(p, now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "\ndate: 2025-07-08T01:30:00+08:00\n") {
		t.Fatalf("template date not set in the profile's offset:\n%s", text[:200])
	}
	diags, err := check.Text([]byte(text), p, check.Options{Now: now, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("template has %s at line %d: %s", d.Code, d.Line, d.Message)
	}
	if strings.Count(text, "·检索日期2025/7/8\n") != 3 || strings.Contains(text, "2025/7/5\n") {
		t.Errorf("sample sources not marked as retrieved today")
	}
	if strings.Count(text, "\n[^") < 3 || strings.Count(text, "\n### ") != 3 {
		t.Errorf("template should have 3 sections and 3+ citations")
	}
}
