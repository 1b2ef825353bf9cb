package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync/atomic"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// desktopFace is the Platform of the Wails window.
type desktopFace struct{ ctx context.Context }

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

// smokeTimeout bounds how long the smoke mode waits for the UI to mount.
const smokeTimeout = 60 * time.Second

func runDesktop(assets fs.FS, stderr io.Writer) int {
	if !generatingBindings && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(stderr, "copydesk: no display (DISPLAY is not set): run `copydesk serve` and open the printed address in a browser")
		return 2
	}
	dist, err := frontendFS(assets)
	if err != nil && !generatingBindings {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 2
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

	face := &desktopFace{}
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
		},
		Menu: desktopMenu(face),
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
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId: "org.copydesk.workstation",
			OnSecondInstanceLaunch: func(options.SecondInstanceData) {
				if face.ctx != nil {
					runtime.WindowUnminimise(face.ctx)
					runtime.Show(face.ctx)
				}
			},
		},
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
