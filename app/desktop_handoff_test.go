package app

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// privateBus starts a session bus of its own for the test and points
// DBUS_SESSION_BUS_ADDRESS at it.
func privateBus(t *testing.T) {
	t.Helper()
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("no dbus-daemon: the hand-over over the session bus is not tested here")
	}
	cmd := exec.Command(daemon, "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))
}

// runningWindow stands in for a running Copydesk: it owns the bus name Wails'
// SingleInstanceLock owns and records what it is sent.
type runningWindow struct {
	got chan options.SecondInstanceData
}

func (r runningWindow) SendMessage(message string) *dbus.Error {
	var data options.SecondInstanceData
	if err := json.Unmarshal([]byte(message), &data); err != nil {
		return dbus.MakeFailedError(err)
	}
	r.got <- data
	return nil
}

func TestHandOffToTheRunningWindow(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	if handOffToRunning([]string{"/tmp/a.md"}) {
		t.Fatal("handed off without a session bus")
	}
	privateBus(t)
	if handOffToRunning([]string{"/tmp/a.md"}) {
		t.Fatal("handed off with nobody running")
	}

	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// The names Wails v2 derives from the unique id (its linux/single_instance.go).
	const name = "org.wails_app_org_copydesk_workstation.SingleInstance"
	const path = "/org/wails_app_org_copydesk_workstation/SingleInstance"
	window := runningWindow{got: make(chan options.SecondInstanceData, 1)}
	if err := conn.Export(window, path, name); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v %v", reply, err)
	}

	files := []string{"/home/editor/文章.md", "/tmp/b.markdown"}
	if !handOffToRunning(files) {
		t.Fatal("did not hand off to the running window")
	}
	select {
	case data := <-window.got:
		wd, _ := os.Getwd()
		if !slices.Equal(data.Args, files) || data.WorkingDirectory != wd {
			t.Errorf("the running window received %+v", data)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the running window received nothing")
	}
}
