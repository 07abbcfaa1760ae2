#!/bin/sh
# Renders every samples/<name>/case.json with every letter layout into out/<name>/<layout>/.
set -eu
cd "$(dirname "$0")/.."
for case_file in samples/*/case.json; do
  name=$(basename "$(dirname "$case_file")")
  for layout in din5008-b-a4 us-letter-10; do
    build/appeal letters "$case_file" --layout "$layout" -o "out/$name/$layout"
  done
done
