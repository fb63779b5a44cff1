#!/usr/bin/env bash
# The tests drive Debian's Chromium (browser tests) and render exported workbooks with LibreOffice (soffice, headless)
# and poppler's pdftoppm (test/sharing/libreofficeRender.test.ts). Install them when missing, so `npm test` works on
# a fresh Debian machine; elsewhere say what to install. Never downloads a browser build of its own.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# LibreOffice lays the rendered sheet out with a real font; a bare machine may have none.
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} from Debian's packages for the browser and rendering tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The browser and rendering tests need: ${missing[*]} (Debian: sudo apt-get install ${missing[*]}; or set CHROMIUM_PATH)." >&2
  exit 1
fi
