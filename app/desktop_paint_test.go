package app

import "testing"

func TestDesktopPaintingEnv(t *testing.T) {
	env := func(vars map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) {
			v, ok := vars[k]
			return v, ok
		}
	}
	gpu := []string{"/dev/dri/renderD128"}
	cases := []struct {
		name  string
		vars  map[string]string
		nodes []string
		want  string
	}{
		{"no GPU: paint with the CPU", nil, nil, "1"},
		{"a GPU: WebKit's default", nil, gpu, ""},
		{"a GPU, software GL forced", map[string]string{"LIBGL_ALWAYS_SOFTWARE": "1"}, gpu, "1"},
		{"a GPU, software GL not forced", map[string]string{"LIBGL_ALWAYS_SOFTWARE": "0"}, gpu, ""},
		{"the user's choice is kept", map[string]string{skiaCPUPaintingEnv: "0"}, nil, ""},
		{"the user's choice is kept, with a GPU", map[string]string{skiaCPUPaintingEnv: "1"}, gpu, ""},
	}
	for _, c := range cases {
		name, value := desktopPaintingEnv(env(c.vars), c.nodes)
		if value != c.want || (value != "" && name != skiaCPUPaintingEnv) || (value == "" && name != "") {
			t.Errorf("%s: got %q=%q, want %q", c.name, name, value, c.want)
		}
	}
}
