#!/bin/sh
# Renders every samples/<name>/case.json into out/<name>/: letters to fill in by hand in
# both letter layouts and, where the sample has senders.csv, the merged letters, the
# envelopes and the label sheets.
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
  fi
done
