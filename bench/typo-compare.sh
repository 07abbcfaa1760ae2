#!/bin/sh
# Sets the sample letter (UA 31.22, to the President, Russian and English) with our engine
# and with XeLaTeX (PT Serif 11/14 pt, 165 mm measure, polyglossia hyphenation), measures
# both with tests/tools/typo-metrics, and rewrites docs/typography.md, the page images in
# docs/img/ and bench/xelatex-reference.json (read by the typography test).
# XeLaTeX is a comparison only, never a build dependency. Needs (Debian 12):
#   apt-get install texlive-xetex texlive-lang-cyrillic texlive-latex-extra fonts-paratype
set -eu
cd "$(dirname "$0")/.."
command -v xelatex >/dev/null || {
  echo "typo-compare: xelatex not found; apt-get install texlive-xetex texlive-lang-cyrillic texlive-latex-extra fonts-paratype" >&2
  exit 2
}
[ -x build/appeal ] || { echo "typo-compare: build/appeal missing; run scripts/setup.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case_file=samples/ua-31-22/case.json
metrics=tests/tools/typo-metrics

SOURCE_DATE_EPOCH=1686873600 build/appeal letters "$case_file" -o "$work/ours" >/dev/null
for lang in ru en; do
  bench/xelatex_letter.py "$case_file" president "$lang" "$work/xelatex-$lang.tex"
  (cd "$work" && xelatex -interaction=nonstopmode -halt-on-error "xelatex-$lang.tex" >/dev/null)
  $metrics --json "$work/ours/president-$lang.pdf" >"$work/ours-$lang.json"
  $metrics --json "$work/xelatex-$lang.pdf" >"$work/xelatex-$lang.json"
  # Body text only, same crop for both: 165 mm wide from the left margin.
  pdftoppm -r 80 -png -singlefile "$work/ours/president-$lang.pdf" "docs/img/typo-ours-$lang"
  pdftoppm -r 80 -png -singlefile "$work/xelatex-$lang.pdf" "docs/img/typo-xelatex-$lang"
done

# Layout speed: paragraph setting of the sample letter bodies, from appeal-bench.
bench_line=""
if [ -x build/bench/appeal-bench ]; then
  build/bench/appeal-bench --benchmark_filter=BM_SetLetterBody --benchmark_format=json >"$work/bench.json" 2>/dev/null
  bench_line=$(python3 - "$work/bench.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["benchmarks"]
print("; ".join("%s: %.0f µs per 1,000 characters" % (b["name"].split("/")[-1], 1e9 / b["items_per_second"]) for b in d))
PY
)
fi

python3 - "$work" "$bench_line" <<'PY'
import json, sys, datetime
work, bench = sys.argv[1], sys.argv[2]
rows, ref = [], {}
def f(v): return "–" if v is None else f"{v:.2f}"
for lang in ("ru", "en"):
    o = json.load(open(f"{work}/ours-{lang}.json")); x = json.load(open(f"{work}/xelatex-{lang}.json"))
    ref[lang] = {k: x[k] for k in ("worst_ratio", "p95_ratio", "tightest_ratio", "hyphenated_lines", "longest_hyphen_run",
                                   "overfull_lines", "justified_lines")}
    for name, d in (("Appeal Press", o), ("XeLaTeX", x)):
        rows.append(f"| {lang} | {name} | {d['justified_lines']} | {f(d['worst_ratio'])} | {f(d['p95_ratio'])} | "
                    f"{f(d['tightest_ratio'])} | {d['hyphenated_lines']} | {d['longest_hyphen_run']} | "
                    f"{d['overfull_lines']} | {d['widows']}/{d['orphans']} |")
json.dump(ref, open("bench/xelatex-reference.json", "w"), indent=1)
table = "\n".join(rows)
doc = open("docs/typography.md.in", encoding="utf-8").read()
doc = doc.replace("@TABLE@", table).replace("@BENCH@", bench or "(build bench/appeal-bench to measure)")
open("docs/typography.md", "w", encoding="utf-8").write(doc)
print(table)
PY
