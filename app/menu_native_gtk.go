//go:build linux && desktop && webkit2_41

package app

/*
#cgo linux pkg-config: gtk+-3.0 webkit2gtk-4.1
#include <stdlib.h>
void copydesk_relabel_menu(char **labels, int n);
void copydesk_edit_command(char *command);
*/
import "C"

import (
	"fmt"
	"os"
	"unsafe"
)

// relabelNativeMenu gives the window's GTK menu the labels in order (see
// menuLabelOrder), on the GTK main thread.
func relabelNativeMenu(labels []string) {
	arr := (**C.char)(C.malloc(C.size_t(len(labels)) * C.size_t(unsafe.Sizeof(uintptr(0)))))
	cells := unsafe.Slice(arr, len(labels))
	for i, l := range labels {
		cells[i] = C.CString(l)
	}
	C.copydesk_relabel_menu(arr, C.int(len(labels)))
}

// runEditCommand runs a WebKit editing command in the window's web view.
func runEditCommand(command string) { C.copydesk_edit_command(C.CString(command)) }

//export copydeskMenuRelabelled
func copydeskMenuRelabelled(seen *C.char, walked, given C.int) {
	if walked != given {
		fmt.Fprintf(os.Stderr, "copydesk: the native menu has %d items, the labels %d: some are not translated\n", walked, given)
	}
	menuRelabelled(C.GoString(seen))
}
