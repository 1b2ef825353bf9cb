package app

import (
	"fmt"
	"os"
	"sync"
	"time"

	"copydesk/backend/version"
)

// SystemService answers questions about the running application itself.
type SystemService struct {
	platform Platform
	dbPath   string

	readyOnce sync.Once
	rowsOnce  sync.Once
	ready     chan string // receives the face name when the UI reports it mounted
	// afterReady, when set by the face, runs once the UI has mounted (the
	// desktop opens the files it was started with then).
	afterReady func()

	closeMu    sync.Mutex
	closeAsked bool
	quitting   bool
}

func newSystemService(dbPath string) *SystemService {
	return &SystemService{platform: nopPlatform{}, dbPath: dbPath, ready: make(chan string, 1)}
}

// AppInfo is what the status line and the settings show.
type AppInfo struct {
	Version string `json:"version"`
	Face    string `json:"face"`
	DBPath  string `json:"dbPath"`
}

// Version returns the backend's version string.
func (s *SystemService) Version() string { return version.String() }

// Info returns the version, the face and where the library lives.
func (s *SystemService) Info() AppInfo {
	return AppInfo{Version: version.String(), Face: s.platform.Face(), DBPath: s.dbPath}
}

// Ready is called by the frontend once it has mounted. The desktop tests rely
// on it: it proves the UI really runs inside the WebKitGTK window. The marker
// file named by COPYDESK_SMOKE_FILE (which also makes the app quit soon after)
// or COPYDESK_READY_FILE (which does not) receives "ready FACE".
func (s *SystemService) Ready(face string) error {
	s.readyOnce.Do(func() {
		s.ready <- face
		for _, env := range []string{"COPYDESK_SMOKE_FILE", "COPYDESK_READY_FILE"} {
			if marker := os.Getenv(env); marker != "" {
				if err := os.WriteFile(marker, []byte(fmt.Sprintf("ready %s\n", face)), 0o644); err != nil {
					fmt.Fprintln(os.Stderr, "copydesk: cannot write the ready marker:", err)
				}
			}
		}
		if s.afterReady != nil {
			go s.afterReady()
		}
	})
	return nil
}

// processStart is close to when the process started: package variables are
// set before main runs.
var processStart = time.Now()

// RowsShown is called by the frontend once the first rows of the library list
// are painted (n of them; 0 for an empty library). The desktop test times the
// cold start with it: the file named by COPYDESK_ROWS_FILE receives
// "rows N after MS ms" (milliseconds since the process started), once.
func (s *SystemService) RowsShown(n int) error {
	s.rowsOnce.Do(func() {
		marker := os.Getenv("COPYDESK_ROWS_FILE")
		if marker == "" {
			return
		}
		line := fmt.Sprintf("rows %d after %d ms\n", n, time.Since(processStart).Milliseconds())
		if err := os.WriteFile(marker, []byte(line), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "copydesk: cannot write the rows marker:", err)
		}
	})
	return nil
}

// localeFollower is a face with UI strings of its own (the desktop's native
// menu) that follow the UI language.
type localeFollower interface{ SetLocale(locale string) }

// SetLocale tells the backend the UI language ("zh-CN" or "en") whenever the
// UI sets or changes it, so the native menu speaks the same language.
func (s *SystemService) SetLocale(locale string) {
	if f, ok := s.platform.(localeFollower); ok {
		f.SetLocale(locale)
	}
}

// beforeClose asks the UI to save (event "close-requested") the first time the
// window is closed and holds the window open; the UI then calls Quit. If the
// UI does not answer (it crashed), the second close goes through.
func (s *SystemService) beforeClose() bool {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closeAsked || s.quitting {
		return false
	}
	s.closeAsked = true
	s.platform.Emit("close-requested", nil)
	return true
}

// Quit closes the application; the UI calls it after saving.
func (s *SystemService) Quit() {
	s.closeMu.Lock()
	s.quitting = true
	s.closeMu.Unlock()
	s.platform.Quit()
}
