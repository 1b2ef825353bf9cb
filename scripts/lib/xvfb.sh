# shellcheck shell=bash
# Sourced by the scripts that drive the desktop window under a virtual X
# server. start_xvfb FIRST LAST NAME starts Xvfb (1400x900, no TCP) on the
# first free display number from FIRST to LAST, logging to $tmp/xvfb.log, and
# sets display, xvfb_pid and DISPLAY. The scripts use separate ranges, so
# they can run side by side. NAME prefixes the error.
start_xvfb() {
  local first=$1 last=$2 name=$3 n
  display=""
  for n in $(seq "$first" "$last"); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
  done
  [ -n "$display" ] || { echo "$name: no free X display number" >&2; exit 1; }
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  export DISPLAY="$display"
}
