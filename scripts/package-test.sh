#!/usr/bin/env bash
# The Debian package, end to end on this machine (`make test-package`):
#  1. build it (scripts/package.sh) and check its contents: every file the
#     package promises, icons of the sizes their folders say;
#  2. lintian (no errors), desktop-file-validate, appstreamcli validate --no-net,
#     the man page renders without warnings, the completion parses;
#  3. install it with apt, run /usr/bin/copydesk version, the desktop smoke and
#     journey test (scripts/desktop-test.sh) and the desktop integration test
#     (scripts/package-desktop.sh) against the installed binary;
#  4. remove it with apt-get remove --purge and check that every path the
#     package installed is gone (shared folders excepted).
# Needs root (or sudo without a password): it installs a package.
set -euo pipefail
cd "$(dirname "$0")/.."

banner() {
  echo "################################################################" >&2
  echo "package-test: SKIPPED: $*" >&2
  echo "################################################################" >&2
}
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    banner "installing a package needs root or password-less sudo"
    exit 0
  fi
fi
missing=()
for tool in apt-get dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli convert identify man Xvfb xdotool xprop xwininfo dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "package-test: FAILED: missing ${missing[*]} in CI (scripts/bootstrap.sh installs them)" >&2
    exit 1
  fi
  banner "missing ${missing[*]} (run scripts/bootstrap.sh)"
  exit 0
fi
if dpkg-query -W -f='${Status}' copydesk 2>/dev/null | grep -q "ok installed" && [ "${CI:-}" != "true" ]; then
  banner "a copydesk package is installed on this machine; this test would replace and then remove it"
  exit 0
fi

app_id=org.copydesk.Copydesk
tmp=$(mktemp -d)
installed=""
cleanup() {
  if [ -n "$installed" ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get remove --purge -y -qq copydesk >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "package-test: FAILED: $*" >&2
  exit 1
}
t0=$(date +%s)

# ---- 1. build and contents -------------------------------------------------
deb=$(scripts/package.sh build/bin/copydesk)
version=$(dpkg-deb -f "$deb" Version)
[ "$version" = "$(scripts/version.sh)-1" ] || fail "the package's version $version is not the checkout's $(scripts/version.sh)-1"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgtk-3-0 libwebkit2gtk-4.1-0 libc6; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
dpkg-deb -x "$deb" "$tmp/x"
for f in usr/bin/copydesk "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
  usr/share/man/man1/copydesk.1.gz usr/share/bash-completion/completions/copydesk \
  usr/share/doc/copydesk/copyright usr/share/doc/copydesk/changelog.Debian.gz; do
  [ -s "$tmp/x/$f" ] || fail "the package has no $f"
done
sizes=0
for png in "$tmp"/x/usr/share/icons/hicolor/*/apps/copydesk.png; do
  want=$(basename "$(dirname "$(dirname "$png")")")
  got=$(identify -format '%wx%h' "$png")
  [ "$got" = "$want" ] || fail "the icon in $want/ is $got"
  sizes=$((sizes + 1))
done
[ "$sizes" -ge 6 ] || fail "only $sizes icon sizes"
echo "package-test: $deb: version $version, $sizes icon sizes; Depends: $depends"

# ---- 2. validators ---------------------------------------------------------
desktop-file-validate "$tmp/x/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
grep -qx 'Exec=copydesk %F' "$tmp/x/usr/share/applications/$app_id.desktop" || fail "the .desktop entry does not open files (Exec=copydesk %F)"
grep -qx 'MimeType=text/markdown;' "$tmp/x/usr/share/applications/$app_id.desktop" || fail "the .desktop entry does not declare text/markdown"
appstreamcli validate --no-net "$tmp/x/usr/share/metainfo/$app_id.metainfo.xml" >"$tmp/appstream.log" 2>&1 ||
  { cat "$tmp/appstream.log" >&2; fail "appstreamcli validate"; }
grep -q "<release version=\"${version%-1}\"" "$tmp/x/usr/share/metainfo/$app_id.metainfo.xml" || fail "the metainfo has no release entry for ${version%-1}"
man_warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$tmp/x/usr/share/man/man1/copydesk.1.gz" 2>&1 >"$tmp/man.txt")
[ -z "$man_warnings" ] || fail "the man page renders with warnings: $man_warnings"
grep -q 'copydesk check' "$tmp/man.txt" || fail "the man page lacks the check command"
bash -n "$tmp/x/usr/share/bash-completion/completions/copydesk" || fail "the bash completion does not parse"
# Errors fail; other tags are shown (the note about running as root is not about the package).
set +e
lintian --fail-on error "$deb" >"$tmp/lintian.log" 2>&1
lintian_status=$?
set -e
grep -v 'running with root privileges' "$tmp/lintian.log" >"$tmp/lintian.tags" || true
[ "$lintian_status" = 0 ] || { cat "$tmp/lintian.tags" >&2; fail "lintian reports errors"; }
echo "package-test: validators ok (desktop-file-validate, appstreamcli, man, bash -n); lintian: no errors$([ -s "$tmp/lintian.tags" ] && printf '; other tags:\n%s' "$(cat "$tmp/lintian.tags")") ($(($(date +%s) - t0)) s)"

# ---- 3. install with apt and run the installed app ---------------------------
apt_opts=(-o DPkg::Lock::Timeout=300)
installed=1
DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_opts[@]}" install -y -qq "./$deb" >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log" >&2; fail "apt-get install ./$deb"; }
dpkg -L copydesk >"$tmp/files"
out=$(/usr/bin/copydesk version)
echo "$out" | grep -qx "copydesk ${version%-1}" || fail "/usr/bin/copydesk version prints: $out"
hugo_version=$(sed -n 's/^const HugoVersion = "\(.*\)"$/\1/p' backend/render/hugo_version.go)
echo "$out" | grep -q "^hugo *$hugo_version " || fail "/usr/bin/copydesk version does not name Hugo $hugo_version: $out"
[ "$(man -w copydesk 2>/dev/null)" = /usr/share/man/man1/copydesk.1.gz ] || fail "man -w copydesk does not find the page"
bash -c '. /usr/share/bash-completion/completions/copydesk && complete -p copydesk' >/dev/null || fail "the completion does not register"
echo "package-test: installed with apt: $(wc -l <"$tmp/files") paths; /usr/bin/copydesk version ok ($(($(date +%s) - t0)) s)"
# The CI recipe in README, with the installed command: `copydesk check content/` in a site's root.
site="$tmp/site"
mkdir -p "$site/content/posts" "$site/static/images"
printf "baseURL = 'https://example.org/'\ntitle = 'Sample'\n" >"$site/hugo.toml"
printf '\x89PNG\r\n\x1a\n' >"$site/static/images/chips-export.png"
cp backend/check/testdata/clean.md "$site/content/posts/chips.md"
(cd "$site" && /usr/bin/copydesk check content/ >"$tmp/check.log" 2>&1) || { cat "$tmp/check.log" >&2; fail "copydesk check content/ on a clean sample site"; }
sed 's/^title: /titel: /' backend/check/testdata/clean.md >"$site/content/posts/broken.md"
set +e
(cd "$site" && /usr/bin/copydesk check content/ >"$tmp/check.log" 2>&1)
status=$?
set -e
[ "$status" = 1 ] && grep -q 'content/posts/broken.md:' "$tmp/check.log" ||
  { cat "$tmp/check.log" >&2; fail "copydesk check content/ with a broken article: status $status"; }
echo "package-test: CI recipe ok: the installed copydesk check content/ passes a clean site and fails a broken one (exit 1)"
scripts/desktop-test.sh /usr/bin/copydesk
scripts/package-desktop.sh /usr/bin/copydesk "/usr/share/applications/$app_id.desktop" 2>&1 | grep -v '^dbus-daemon\|SpiRegistry'
[ "${PIPESTATUS[0]}" = 0 ] || fail "the desktop integration test failed"
echo "package-test: desktop tests of the installed app ok ($(($(date +%s) - t0)) s)"

# ---- 4. remove, and nothing is left ----------------------------------------
DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_opts[@]}" remove --purge -y -qq copydesk >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log" >&2; fail "apt-get remove --purge copydesk"; }
installed=""
if dpkg-query -W -f='${Status}' copydesk 2>/dev/null | grep -q installed; then
  fail "dpkg still knows copydesk: $(dpkg-query -W -f='${Status}' copydesk)"
fi
left=()
while read -r path; do
  [ -e "$path" ] || [ -L "$path" ] || continue
  # A folder that stays must belong to another package (e.g. /usr/share/icons/hicolor).
  if [ -d "$path" ] && [ ! -L "$path" ] && dpkg -S "$path" >/dev/null 2>&1; then continue; fi
  [ "$path" = "/." ] && continue
  left+=("$path")
done <"$tmp/files"
[ ${#left[@]} -eq 0 ] || fail "left behind after purge: ${left[*]}"
echo "package-test: ok: built, validated, installed, ran, purged with nothing left ($(($(date +%s) - t0)) s)"
