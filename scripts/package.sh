#!/usr/bin/env bash
# Builds the Debian package build/bin/copydesk_<version>-1_<arch>.deb from the
# desktop binary (`make package` builds that first and calls this):
#   /usr/bin/copydesk                                   the binary, version stamped from git
#   /usr/share/applications/org.copydesk.Copydesk.desktop   launcher entry (opens text/markdown)
#   /usr/share/metainfo/org.copydesk.Copydesk.metainfo.xml  AppStream (software centres)
#   /usr/share/icons/hicolor/NxN/apps/copydesk.png      icons, scaled from build/appicon.png
#   /usr/share/man/man1/copydesk.1.gz                   generated from the commands' --help
#   /usr/share/bash-completion/completions/copydesk     generated from the same
#   /usr/share/doc/copydesk/{copyright,changelog.Debian.gz}
# Depends is computed by dpkg-shlibdeps from the libraries the binary links
# (GTK 3, WebKitGTK 4.1, libc, …), so it follows whatever the build machine's
# Debian release provides. Needs dpkg-dev and ImageMagick (scripts/bootstrap.sh).
#
# Usage: scripts/package.sh [BINARY]    (default build/bin/copydesk)
# Prints the path of the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/bin/copydesk}"
[ -x "$bin" ] || { echo "package: $bin is missing: run \`make package\` (it builds it)" >&2; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps convert gzip; do
  command -v "$tool" >/dev/null || { echo "package: $tool is missing (scripts/bootstrap.sh installs it)" >&2; exit 1; }
done
# shellcheck source=../build/debian/package.env
. build/debian/package.env

upstream=$(scripts/version.sh)
commit=$(scripts/version.sh --commit)
# The binary must carry the version the package claims (make package builds it so).
stamped=$("$bin" version --json | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')
if [ "$stamped" != "$upstream" ]; then
  echo "package: $bin says version \"$stamped\", the checkout is \"$upstream\": rebuild it with \`make package\`" >&2
  exit 1
fi
version="$upstream-1" # Debian revision 1: the packaging is part of this repository
arch=$(dpkg --print-architecture)
# Every timestamp in the package is the commit's, so the same commit gives the same package.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
app_id=org.copydesk.Copydesk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
install -d -m 755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" "$root/usr/share/doc/copydesk"
install -m 755 "$bin" "$root/usr/bin/copydesk"
install -m 644 "build/linux/$app_id.desktop" "$root/usr/share/applications/$app_id.desktop"

release_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
sed -e "s|@VERSION@|$upstream|g" -e "s|@DATE@|$release_date|g" -e "s|@COMMIT@|$commit|g" \
  -e "s|@PROJECT_URL@|$PROJECT_URL|g" -e "s|@SCREENSHOT_URL@|$SCREENSHOT_URL|g" \
  "build/linux/$app_id.metainfo.xml.in" >"$root/usr/share/metainfo/$app_id.metainfo.xml"
chmod 644 "$root/usr/share/metainfo/$app_id.metainfo.xml"

for size in 16 24 32 48 64 128 256 512; do
  dir="$root/usr/share/icons/hicolor/${size}x${size}/apps"
  install -d -m 755 "$dir"
  convert build/appicon.png -resize "${size}x${size}" -strip -define png:exclude-chunks=date,time "$dir/copydesk.png"
  chmod 644 "$dir/copydesk.png"
done

"$bin" gendocs man | gzip -9n >"$root/usr/share/man/man1/copydesk.1.gz"
"$bin" gendocs bash >"$root/usr/share/bash-completion/completions/copydesk"
chmod 644 "$root/usr/share/man/man1/copydesk.1.gz" "$root/usr/share/bash-completion/completions/copydesk"

install -m 644 build/debian/copyright "$root/usr/share/doc/copydesk/copyright"
{
  echo "copydesk ($version) unstable; urgency=medium"
  echo
  echo "  * Built from commit $commit."
  echo
  echo " -- $MAINTAINER  $(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$root/usr/share/doc/copydesk/changelog.Debian.gz"
chmod 644 "$root/usr/share/doc/copydesk/changelog.Debian.gz"
if [ -s build/debian/lintian-overrides ]; then
  install -d -m 755 "$root/usr/share/lintian/overrides"
  install -m 644 build/debian/lintian-overrides "$root/usr/share/lintian/overrides/copydesk"
fi

# Depends: dpkg-shlibdeps maps each library the binary needs to the package
# (and minimum version) that provides it. It wants a debian/control to read.
mkdir -p "$work/src/debian"
printf 'Source: copydesk\n\nPackage: copydesk\nArchitecture: any\n' >"$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O -e"$root/usr/bin/copydesk" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') || {
  cat "$work/shlibdeps.log" >&2
  exit 1
}
[ -n "$depends" ] || { echo "package: dpkg-shlibdeps found no dependencies" >&2; cat "$work/shlibdeps.log" >&2; exit 1; }

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$MAINTAINER|" \
  -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@DEPENDS@|$depends|" -e "s|@PROJECT_URL@|$PROJECT_URL|" \
  build/debian/control.in >"$root/DEBIAN/control"
(cd "$root" && find usr -type f -exec md5sum {} + | LC_ALL=C sort -k2) >"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
deb="build/bin/copydesk_${version}_${arch}.deb"
rm -f build/bin/copydesk_*.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
