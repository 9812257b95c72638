#!/usr/bin/env bash
# Operating-system libraries KER Field needs on Debian/Ubuntu:
#   libzbar0                      pyzbar's QR decoder (loaded with ctypes)
#   libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
#   libglib2.0-0 libxcb-*         Qt (PySide6) runtime, offscreen and on an X11 desktop (xcb)
#   fonts-dejavu-core             a font for Qt to render text with
#   libpulse0                     QtMultimedia (training videos) links PulseAudio
# Installs what is missing when it can (root with apt-get); otherwise prints the command.
set -u
packages=(libzbar0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
          libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
          libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
          libxcb-xkb1 fonts-dejavu-core libpulse0)
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "os-deps: not a Debian/Ubuntu system; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi
missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == *"install ok installed"* ]] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "os-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit $?
fi
echo "os-deps: missing system packages. Run:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
