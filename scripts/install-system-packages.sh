#!/usr/bin/env bash
# Installs the Debian packages the kiosk and its tests need (virtual display, printing, speech,
# barcode decoding, handwriting, CJK fonts). Idempotent: apt-get is skipped when all are present.
# Runs only as root; otherwise it names what is missing and leaves the choice to the user.
set -euo pipefail

PACKAGES=(
  xvfb xauth x11-xserver-utils libgl1 libgl1-mesa-dri libmtdev1 libsdl2-2.0-0 libsdl2-image-2.0-0 libsdl2-ttf-2.0-0 libsdl2-mixer-2.0-0
  fonts-noto-cjk fontconfig fonts-arphic-uming fonts-wqy-zenhei
  cups cups-client cups-bsd cups-pdf libcups2-dev poppler-utils
  espeak-ng libespeak-ng1 alsa-utils sox
  libzbar0
  libzinnia0 tegaki-zinnia-simplified-chinese
  graphviz
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages (run as root or install them): ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
