#!/bin/sh
# Which fonts a merge of the 30 many-script senders (tests/data/many-scripts/senders.csv)
# embeds, with the scripts that use them and each embedded subset's size (compressed
# font program bytes), for the closing notes of issue 12.
# Usage: bench/fallback-fonts.sh
set -eu
cd "$(dirname "$0")/.."
[ -x build/appeal ] || { echo "fallback-fonts.sh: build/appeal missing; run scripts/setup.sh" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/appeal letters samples/ua-31-22/case.json --senders tests/data/many-scripts/senders.csv --target president \
  --lang en --date 2023-06-16 -q -o "$work" >/dev/null
qpdf --json --json-key=qpdf --json-stream-data=none "$work/president-en.pdf" > "$work/objs.json"
python3 - "$work/objs.json" <<'PY'
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
def val(o): return o.get("value", o.get("stream", {}).get("dict"))
rows = []
for k, o in objs.items():
    d = val(o) if k != "trailer" else None
    if not isinstance(d, dict) or d.get("/Type") != "/FontDescriptor":
        continue
    ff = d.get("/FontFile2") or d.get("/FontFile3")
    length = val(objs["obj:" + ff])["/Length"]
    if isinstance(length, str):
        length = val(objs["obj:" + length])
    kind = "FontFile3 " + val(objs["obj:" + ff]).get("/Subtype", "")[1:] if "/FontFile3" in d else "FontFile2"
    rows.append((d["/FontName"].split("+", 1)[1], kind, length))
print(f"{'font':40} {'program':26} {'subset bytes':>12}")
for name, kind, n in sorted(rows):
    print(f"{name:40} {kind:26} {n:>12}")
print(f"{len(rows)} fonts, {sum(r[2] for r in rows)} bytes of font programs")
PY
