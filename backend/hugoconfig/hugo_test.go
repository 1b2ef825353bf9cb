package hugoconfig

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/internal/testfixtures"
	"copydesk/backend/render"
)

// TestSiteConfigMatchesHugo asks Hugo itself (`hugo config`) how it reads each parity site's
// configuration and checks LoadMarkup reads the same: applied over an all-zero Config, Hugo's
// effective markup settings must give exactly what LoadMarkup gives. For the default site this
// proves Default() equals Hugo's defaults field by field.
func TestSiteConfigMatchesHugo(t *testing.T) {
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		t.Skip("!!! HUGO is not set: Hugo's own reading of the site configs was NOT compared. Run `make test`.")
	}
	for _, site := range testfixtures.ParitySites {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, site.File), []byte(site.Config), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(hugo, "config", "--format", "json", "--source", dir)
		cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(dir, "cache"))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: hugo config: %v", site.Name, err)
		}
		var effective struct {
			Markup map[string]any `json:"markup"`
		}
		if err := json.Unmarshal(out, &effective); err != nil {
			t.Fatal(err)
		}
		var fromHugo render.Config
		notes := applyMarkup(&fromHugo, "hugo config", lowerKeys(effective.Markup))
		for _, n := range notes {
			if !strings.Contains(n, "tableofcontents") && !strings.Contains(n, "renderhooks") {
				t.Logf("%s: %s", site.Name, n)
			}
		}
		ours, _, err := LoadMarkup(dir)
		if err != nil {
			t.Fatal(err)
		}
		if fromHugo != ours {
			t.Errorf("%s:\nHugo reads %+v\n  we read %+v", site.Name, fromHugo, ours)
		}
	}
}
