#!/usr/bin/python3
"""Writes the body of a sample letter (salutation, paragraphs, closing) as a XeLaTeX
document with the same font, size, leading and measure as layouts/din5008-b-a4.json, for
bench/typo-compare.sh. Usage: xelatex_letter.py CASE.json TARGET LANG OUT.tex"""
import json
import sys

case_file, target_id, lang, out = sys.argv[1:5]
case = json.load(open(case_file, encoding="utf-8"))
target = next(t for t in case["targets"] if t["id"] == target_id)
letter = case["letters"][lang]


def tex(s):
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                 ("_", r"\_"), ("{", r"\{"), ("}", r"\}"), ("~", r"\textasciitilde{}"), ("^", r"\^{}")):
        s = s.replace(a, b)
    return s


main_lang = {"ru": "russian", "en": "english"}[lang]
other = "english" if lang == "ru" else "russian"
paras = [target["salutation"][lang]] + letter["body"] + [letter["closing"]]
with open(out, "w", encoding="utf-8") as f:
    f.write(r"""\documentclass[11pt]{article}
\usepackage[paperwidth=210mm,paperheight=297mm,left=25mm,textwidth=165mm,top=25mm,bottom=25mm]{geometry}
\usepackage{fontspec}
\usepackage{polyglossia}
\setdefaultlanguage{%s}
\setotherlanguage{%s}
\setmainfont{PT Serif}
\fontsize{11pt}{14pt}\selectfont
\setlength{\parindent}{0pt}
\setlength{\parskip}{14pt}
\pagestyle{empty}
\begin{document}
\fontsize{11pt}{14pt}\selectfont
""" % (main_lang, other))
    for p in paras:
        f.write(tex(p) + "\n\n")
    f.write("\\end{document}\n")
