#!/usr/bin/env bash
# Installs the Debian packages Copydesk needs to build the desktop window and
# run its tests, when they are missing. A no-op when everything is present.
#   GTK 3 + WebKitGTK 4.1 headers  the desktop window (Wails, webkit2_41)
#   xvfb xauth xdotool imagemagick the desktop smoke test (virtual display, typing, screenshots)
#   chromium                       the end-to-end tests (Playwright drives Debian's Chromium)
#   fonts-noto-cjk                 Chinese text in the window and screenshots
set -euo pipefail

packages=(pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev xvfb xauth xdotool imagemagick chromium fonts-noto-cjk)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "bootstrap: not root and no sudo: install these yourself: apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
# Wait up to 5 minutes for another apt/dpkg (e.g. unattended upgrades) to release its lock.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
$sudo apt-get "${apt_opts[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
echo "bootstrap: done"
