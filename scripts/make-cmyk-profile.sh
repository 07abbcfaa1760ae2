#!/bin/sh
# Builds data/icc/FOGRA39L-coated.icc, the CMYK output profile of PDF/X leaflets, from the
# FOGRA39L characterisation data in Debian's icc-profiles-free (zlib licence) with
# ArgyllCMS colprof. Debian 12 ships no ready FOGRA39 .icc (docs/print-geometry.md §6).
# Needs: apt-get install icc-profiles-free argyll. The result is committed; run this
# only to rebuild it.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
(cd "$work" && colprof -v -ql \
  -D "Coated FOGRA39 (ISO 12647-2:2004), from FOGRA39L.ti3 by Appeal Press" \
  -C "Built with ArgyllCMS colprof from icc-profiles-free FOGRA39L.ti3 (zlib licence)" \
  FOGRA39L >/dev/null)
mkdir -p data/icc
cp "$work/FOGRA39L.icc" data/icc/FOGRA39L-coated.icc
echo "data/icc/FOGRA39L-coated.icc: $(stat -c %s data/icc/FOGRA39L-coated.icc) bytes"
