#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests: installs it
# when it is missing and this runs as root, otherwise says how to install it.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "[tests] installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends chromium >&2
  exit 0
fi
echo "[tests] the browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium'" >&2
exit 1
