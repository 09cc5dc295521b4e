#!/usr/bin/env bash
# Makes sure a headless-capable Chromium is installed, for `make test-report`.
# Does nothing when `chromium` (or `chromium-browser`) is on the PATH;
# installs Debian's `chromium` package with apt-get when run as root;
# otherwise says what to install and fails.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: installing Debian's chromium package (once)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    command -v chromium >/dev/null 2>&1 || { echo "install-chromium: installed chromium but it is not on the PATH" >&2; exit 1; }
    exit 0
fi

echo "install-chromium: Chromium is missing; install it (as root: apt-get install -y chromium) and run again" >&2
exit 1
