#!/bin/sh
# Renders every samples/<name>/case.json into out/<name>/: letters to fill in by hand in
# both letter layouts and, where the sample has senders.csv, the merged letters, the
# envelopes, the label sheets and the PDF/A archive copies; and the event leaflets in both fold layouts (with
# group.json on the back when the sample has one).
set -eu
cd "$(dirname "$0")/.."
for case_file in samples/*/case.json; do
  dir=$(dirname "$case_file")
  name=$(basename "$dir")
  for layout in din5008-b-a4 us-letter-10; do
    build/appeal letters "$case_file" --layout "$layout" -o "out/$name/$layout"
  done
  if [ -f "$dir/senders.csv" ]; then
    build/appeal letters "$case_file" --senders "$dir/senders.csv" -o "out/$name/merged" -q
    build/appeal envelopes "$case_file" --senders "$dir/senders.csv" -o "out/$name/envelopes" -q
    build/appeal labels "$case_file" --senders "$dir/senders.csv" -o "out/$name/labels" -q
    build/appeal archive "$case_file" --senders "$dir/senders.csv" -o "out/$name/sent" -q
  fi
  group=""
  [ -f "$dir/group.json" ] && group="--group $dir/group.json"
  for layout in leaflet-a4-trifold leaflet-a5-fold; do
    # shellcheck disable=SC2086
    build/appeal leaflet "$case_file" --layout "$layout" $group -o "out/$name/leaflets"
  done
done
