#!/usr/bin/env bash
# Installs the Debian packages Copydesk needs to build the desktop window and
# run its tests, when they are missing. A no-op when everything is present.
#   GTK 3 + WebKitGTK 4.1 headers  the desktop window (Wails, webkit2_41)
#   xvfb xauth xdotool imagemagick the desktop smoke test (virtual display, typing, screenshots)
#   chromium                       the end-to-end tests (Playwright drives Debian's Chromium)
#   fonts-noto-cjk                 Chinese text in the window and screenshots
#   locales (zh_CN.UTF-8)          Chinese input methods in WebKitGTK need a Chinese LC_CTYPE
#   dpkg-dev lintian desktop-file-utils appstream man-db
#                                  the Debian package: Depends (dpkg-shlibdeps) and its validators
#   x11-utils dbus-daemon          the package's desktop test (xprop; a session bus for the single-instance lock)
#   x11-xserver-utils              xmodmap: the desktop test maps each Han character it types to a key of its own
set -euo pipefail

packages=(pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev xvfb xauth xdotool imagemagick chromium fonts-noto-cjk locales
  dpkg-dev lintian desktop-file-utils appstream man-db x11-utils dbus-daemon x11-xserver-utils)

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
fi

# ensure_zh_locale generates zh_CN.UTF-8 when the locales package is there but the locale is not.
ensure_zh_locale() {
  if command -v locale-gen >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    echo "bootstrap: generating the zh_CN.UTF-8 locale"
    $sudo sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
    $sudo locale-gen >/dev/null
  fi
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  ensure_zh_locale
  exit 0
fi

echo "bootstrap: installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
  echo "bootstrap: not root and no sudo: install these yourself: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
# Wait up to 5 minutes for another apt/dpkg (e.g. unattended upgrades) to release its lock.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
$sudo apt-get "${apt_opts[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
ensure_zh_locale
echo "bootstrap: done"
