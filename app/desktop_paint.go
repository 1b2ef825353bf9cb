package app

import (
	"path/filepath"
	"strings"
)

// How the desktop window's web process paints, chosen before GTK and WebKit
// start (they read the environment; the web process inherits it).
//
// WebKitGTK (2.46 and later) paints pages with Skia on the GPU, from painting
// threads that each hold a GL context. Without a GPU (no DRM render node:
// Xvfb, a virtual machine, a remote session) or with LIBGL_ALWAYS_SOFTWARE,
// GL is Mesa's llvmpipe, which runs on the CPU: "GPU" painting is then CPU
// painting through a GL emulator, with the painting threads' contexts and
// buffers on top. Measured with the 10,001-draft library at rest under Xvfb
// (scripts/desktop-test.sh, part 4): the web process holds about 24 MB less
// (305-309 MB resident before, 281-284 after) with Skia's own CPU
// rasteriser, and the window paints the same. With a GPU the default stays:
// its textures live in the GPU's memory, not in the process.
const skiaCPUPaintingEnv = "WEBKIT_SKIA_ENABLE_CPU_RENDERING"

// desktopPaintingEnv returns the variable to set before the window starts
// (name "" for none). lookup is os.LookupEnv; renderNodes are the DRM render
// nodes present (/dev/dri/renderD*). A value the user set is kept, either way.
func desktopPaintingEnv(lookup func(string) (string, bool), renderNodes []string) (name, value string) {
	if _, set := lookup(skiaCPUPaintingEnv); set {
		return "", ""
	}
	if len(renderNodes) > 0 && !softwareGLForced(lookup) {
		return "", ""
	}
	return skiaCPUPaintingEnv, "1"
}

// softwareGLForced reports whether Mesa is told to use its software
// rasteriser even where a GPU exists.
func softwareGLForced(lookup func(string) (string, bool)) bool {
	v, _ := lookup("LIBGL_ALWAYS_SOFTWARE")
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "y":
		return true
	}
	return false
}

// drmRenderNodes lists the GPUs that GL could render on.
func drmRenderNodes() []string {
	nodes, _ := filepath.Glob("/dev/dri/renderD*")
	return nodes
}
