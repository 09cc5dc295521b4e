#!/usr/bin/env bash
# Makes sure the C libraries Funnelcast builds against are installed:
# GSL (found through pkg-config) and Random123 (header-only).
# Does nothing when both are present; installs them with apt-get when run as
# root; otherwise names the packages to install and fails.
set -euo pipefail

packages="libgsl-dev librandom123-dev pkg-config"

have_deps() {
    command -v pkg-config >/dev/null 2>&1 \
        && pkg-config --exists gsl \
        && [ -f /usr/include/Random123/philox.h ]
}

if have_deps; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086  # the list is meant to split into words
    apt-get install -y -qq $packages
    have_deps || { echo "install-deps: installed $packages but GSL or Random123 is still missing" >&2; exit 1; }
    exit 0
fi

echo "install-deps: GSL or Random123 is missing; install the packages $packages (as root: apt-get install -y $packages)" >&2
exit 1
