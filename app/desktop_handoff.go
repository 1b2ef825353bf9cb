package app

import (
	"encoding/json"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// desktopInstanceID names the single running window on the session bus.
const desktopInstanceID = "org.copydesk.workstation"

// handOffToRunning gives args to the Copydesk window already running in this
// desktop session, if there is one, and reports whether it did. It speaks
// the protocol of Wails' SingleInstanceLock (the bus name and message below
// are Wails v2's), so the running window's OnSecondInstanceLaunch receives
// them. Wails would do the same inside wails.Run, but then exits with status 1;
// a launch that did its job exits with 0. Any failure (no session bus, no
// running window) returns false and the launch goes on.
func handOffToRunning(args []string) bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return false // never autolaunch a bus just to find nobody on it
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	id := "wails_app_" + strings.ReplaceAll(strings.ReplaceAll(desktopInstanceID, "-", "_"), ".", "_")
	name := "org." + id + ".SingleInstance"
	path := dbus.ObjectPath("/org/" + id + "/SingleInstance")
	var owned bool
	if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&owned); err != nil || !owned {
		return false
	}
	wd, _ := os.Getwd()
	msg, err := json.Marshal(options.SecondInstanceData{Args: args, WorkingDirectory: wd})
	if err != nil {
		return false
	}
	return conn.Object(name, path).Call(name+".SendMessage", 0, string(msg)).Err == nil
}
