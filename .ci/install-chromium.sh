#!/usr/bin/env bash
# Installs what the browser tests (tests/PricingApi.Tests/Browser, Kind=Browser) need: Debian's Chromium,
# which Playwright drives at /usr/bin/chromium, and a CJK font so Chinese renders in the screenshots (and takes
# its real width in the layout checks). Playwright's own browser download is never used.
# Idempotent: does nothing when both are already installed.
set -euo pipefail

packages=(chromium fonts-wqy-microhei)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done

if [ -x /usr/bin/chromium ] && [ ${#missing[@]} -eq 0 ]; then
  echo "install-chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo chromium))"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]:-chromium}"
echo "install-chromium: $(/usr/bin/chromium --version)"
