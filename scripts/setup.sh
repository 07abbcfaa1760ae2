#!/bin/sh
# Fresh Debian 12 -> rendered samples: installs the Debian packages the build and tests
# need (idempotent), builds build/appeal, and renders every samples/*/case.json into out/.
set -eu
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2046
$SUDO apt-get install -y -qq --no-install-recommends $(grep -v '^#' scripts/debian-packages.txt)
cmake -S . -B build
cmake --build build -j2
scripts/render-samples.sh
