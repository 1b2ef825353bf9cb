package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// desktopFace is the Platform of the Wails window.
type desktopFace struct {
	ctx context.Context

	localeMu   sync.Mutex
	locale     string // the native menu's language (a key of menuLocales)
	relabelled bool   // the UI has told its language once
}

// SetLocale relabels the native menu in the UI's language.
func (d *desktopFace) SetLocale(locale string) {
	key := menuLocale(locale)
	d.localeMu.Lock()
	defer d.localeMu.Unlock()
	// The first call always relabels: it is cheap, and it reports what the
	// GTK menu shows (see menuRelabelled).
	if key == d.locale && d.relabelled {
		return
	}
	d.locale, d.relabelled = key, true
	relabelNativeMenu(menuLabelOrder(desktopMenu(menuLocales[key], d.menuActions())))
}

// menuActions are what the native menu's items do in this window.
func (d *desktopFace) menuActions() menuActions {
	return menuActions{emit: func(action string) { d.Emit("menu", action) }, edit: runEditCommand}
}

// menuRelabelled is told by the GTK code what the menu shows after a
// relabel. The desktop test reads it from COPYDESK_MENU_FILE: the labels
// read back from the real GTK widgets, one a line.
func menuRelabelled(seen string) {
	if f := os.Getenv("COPYDESK_MENU_FILE"); f != "" {
		if err := os.WriteFile(f, []byte(seen), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "copydesk: cannot write the menu labels:", err)
		}
	}
}

// systemUILocale is the UI language the frontend starts with when nothing
// is saved, from the POSIX locale variables.
func systemUILocale() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

func (d *desktopFace) Face() string { return "desktop" }
func (d *desktopFace) Emit(name string, data any) {
	if d.ctx != nil {
		runtime.EventsEmit(d.ctx, name, data)
	}
}
func (d *desktopFace) Quit() {
	if d.ctx != nil {
		runtime.Quit(d.ctx)
	}
}
func (d *desktopFace) SetTitle(title string) {
	if d.ctx != nil {
		runtime.WindowSetTitle(d.ctx, title)
	}
}
func (d *desktopFace) PickFolder(title string) (string, error) {
	if d.ctx == nil {
		return "", errors.New("the window is not ready")
	}
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

func (d *desktopFace) PickFile(title string, filter FileFilter) (string, error) {
	if d.ctx == nil {
		return "", errors.New("the window is not ready")
	}
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: filter.Name, Pattern: filter.Pattern}}})
}

// smokeTimeout bounds how long the smoke mode waits for the UI to mount.
const smokeTimeout = 60 * time.Second

// runDesktop opens the window and then the files (paths as given on the
// command line). When a window is already running in this desktop session,
// the files are handed to it and this process exits at once.
func runDesktop(assets fs.FS, files []string, stderr io.Writer) int {
	if !generatingBindings && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(stderr, "copydesk: no display (DISPLAY is not set): run `copydesk serve` and open the printed address in a browser")
		return 2
	}
	dist, err := frontendFS(assets)
	if err != nil && !generatingBindings {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 2
	}
	wd, _ := os.Getwd()
	files = absolutePaths(files, wd)
	if !generatingBindings && handOffToRunning(files) {
		return 0
	}
	dbPath, err := dbPathFromEnv("")
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 2
	}
	svc := newServices(dbPath)
	if err := svc.open(); err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 2
	}
	defer svc.close()
	if hint := prepareInputLocale(osLocaleEnv()); hint != "" {
		fmt.Fprintln(stderr, hint)
	}

	// Before wails.Run: GTK and WebKit read it when they start, and the
	// web process inherits it (see desktop_paint.go).
	if name, value := desktopPaintingEnv(os.LookupEnv, drmRenderNodes()); name != "" {
		os.Setenv(name, value)
	}

	face := &desktopFace{locale: menuLocale(systemUILocale())}
	opener := &fileOpener{lib: svc.Library, emit: face.Emit}
	opener.request(files)
	svc.System.afterReady = opener.uiReady
	smoke := os.Getenv("COPYDESK_SMOKE_FILE") != ""
	// Written by the smoke watcher, read once the window has closed.
	var smokeStatus atomic.Int32
	err = wails.Run(&options.App{
		Title:     "Copydesk",
		Width:     1360,
		Height:    860,
		MinWidth:  900,
		MinHeight: 560,
		AssetServer: &assetserver.Options{
			Assets: dist,
			// What the bundle does not hold: the preview's images (ImageService).
			Handler: svc.Images.routeHandler(),
		},
		Menu: desktopMenu(menuLocales[face.locale], face.menuActions()),
		OnStartup: func(ctx context.Context) {
			face.ctx = ctx
			svc.attach(face)
			if smoke {
				go func() {
					smokeStatus.Store(int32(watchSmoke(svc.System.ready, smokeTimeout, svc.System.Quit)))
				}()
			}
		},
		OnBeforeClose: func(ctx context.Context) bool {
			// Ask the UI to flush unsaved text; it calls SystemService.Quit... when done.
			return svc.beforeClose()
		},
		// A second launch (another click in the launcher, a file opened from
		// the file manager) comes here instead of opening a second window.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId: desktopInstanceID,
			OnSecondInstanceLaunch: func(second options.SecondInstanceData) {
				if face.ctx != nil {
					runtime.WindowUnminimise(face.ctx)
					runtime.WindowShow(face.ctx)
				}
				args := second.Args
				if len(args) > 0 && args[0] == "desktop" {
					args = args[1:]
				}
				if len(args) > 0 && !isCommandName(args[0]) {
					if paths := absolutePaths(args, second.WorkingDirectory); launchFiles(paths, isCommandName) {
						opener.request(paths)
					}
				}
			},
		},
		// The webview keeps Wails's GPU policy for ProgramName (OnDemand:
		// WebKitGTK 2.50 composites every page). WebviewGpuPolicyNever
		// takes about 95 MB off the web process at rest under Xvfb, but
		// it puts WebKitGTK 2.50.6 in its non-composited mode, where the
		// window shows its first frames and then stops repainting: the
		// page goes on (a launch file's "open-file" event arrives and its
		// draft opens, typed text is saved) while the screen stays as it
		// was, until a resize. Measured with the desktop test: the images
		// part never sees the preview, the journey's screenshots never show
		// the typed draft. WEBKIT_DISABLE_COMPOSITING_MODE=1 and
		// GDK_GL=disable end in the same mode and the same stale window.
		Linux: &linux.Options{ProgramName: "copydesk"},
		Bind:  svc.bound(),
	})
	if err != nil {
		fmt.Fprintln(stderr, "copydesk: the desktop window could not start:", err)
		fmt.Fprintln(stderr, "copydesk: build it with `make build` (GTK and WebKitGTK 4.1 are needed), or use `copydesk serve`")
		return 1
	}
	return int(smokeStatus.Load())
}

// watchSmoke waits for the UI to report it mounted, leaves the window up a
// moment for a screenshot, then quits. It returns the exit status of the smoke run.
func watchSmoke(ready <-chan string, timeout time.Duration, quit func()) int {
	select {
	case <-ready:
		time.Sleep(3 * time.Second)
		quit()
		return 0
	case <-time.After(timeout):
		fmt.Fprintln(os.Stderr, "copydesk: smoke test: the UI did not report ready within", timeout)
		quit()
		return 3
	}
}
