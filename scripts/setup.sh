#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for Footnote (Chromium and Firefox ESR from Debian,
# the exact npm dependencies) and builds both extensions. Works as root (no sudo needed) and as a
# user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js 20.19+ and npm are needed (e.g. from NodeSource or nvm); Debian 12's nodejs is too old for Vite 8." >&2
  exit 1
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "Installing ${missing[*]} needs root: run this as root, or install sudo." >&2
      exit 1
    fi
    sudo="sudo"
  fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The project's .npmrc silences npm's own messages (for clean `npm run scan -- --json`); set-up wants them.
npm ci --loglevel=warn
npm run build
