#!/bin/sh
# Installs the Debian packages Chỉ tiêu needs to build, run and test, and
# only those that are missing, so a machine that has them all is not touched.
# Packages come from apt alone; nothing is downloaded from anywhere else.
set -eu

PACKAGES="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libepoxy-dev
  libicu-dev libsqlite3-dev libpq-dev postgresql libxlsxwriter-dev zlib1g-dev libzstd-dev nettle-dev
  libcairo2-dev libpango1.0-dev libarchive-dev libxml2-dev libjson-glib-dev
  libpoppler-glib-dev libtesseract-dev tesseract-ocr-vie libreoffice-writer-nogui
  xvfb xauth fonts-noto-core dbus-daemon
  desktop-file-utils appstream
  poppler-utils librsvg2-bin python3 python3-openpyxl
"
# `install-deps.sh fuzz`: also clang and its libFuzzer runtime (make fuzz).
if [ "${1:-}" = fuzz ]; then
  PACKAGES="$PACKAGES clang libclang-rt-14-dev"
fi

missing=""
for package in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $package" ;;
  esac
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing missing packages:$missing"

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  # -n: never wait for a password that CI cannot type.
  SUDO="sudo -n"
else
  echo "error: these packages are missing and neither root nor sudo is available:$missing" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Two builds that start together (make check in two work trees) would race
# for dpkg's lock: wait for the other one instead of failing.
APT_WAIT="-o DPkg::Lock::Timeout=900"
$SUDO apt-get $APT_WAIT update -q
# shellcheck disable=SC2086  # the list must split into words
$SUDO apt-get $APT_WAIT install -y -q --no-install-recommends $missing
