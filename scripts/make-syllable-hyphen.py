#!/usr/bin/python3
"""Writes libhyphen pattern files (UTF-8, Liang patterns) from the syllable rules of a Turkic
language. Stdlib only.

usage: make-syllable-hyphen.py LANG OUT.dic [--no-check] [--deep-check]
       LANG is kk (Kazakh, Cyrillic) or tr (Turkish)

  scripts/make-syllable-hyphen.py kk data/hyphen/hyph_kk_KZ.dic
  scripts/make-syllable-hyphen.py tr data/hyphen/hyph_tr_TR.dic

The rules, their sources and the pattern design are in docs/hyphenation-syllabic.md. In short:
every syllable has one vowel; the last consonant before a vowel starts its syllable, all other
consonants between two vowels close the syllable before (V-CV, VC-CV, VCC-CV, ...); two vowels
side by side belong to two syllables; consonants at the start or the end of a word stay with
the nearest vowel; a break never leaves a single letter on either line. Kazakh adds у (a vowel
after a consonant, the glide [w] after a vowel and before a vowel at the start of a word),
и (always a syllable vowel: қи-ын, жи-і), й (a consonant), and ь/ъ (kept with the consonant
before them: no break before ь/ъ, none between ь/ъ and a vowel, and none before the consonant
of ъ, which follows a Russian prefix: субъект).

The script holds two things: `syllable_breaks`, the rules written out as a plain syllabifier,
and `patterns`, the same rules as Liang patterns. Before writing, it checks that libhyphen's
way of reading the patterns gives exactly the syllabifier's breaks on every word over a small
alphabet of one letter per class (all lengths up to 7, --deep-check: 8) and on random words
over the whole alphabet; it writes nothing if they differ.

Lower case only: the caller lower-cases words before hyphenating (Turkish İ/I come out as i,
both vowels, so Turkish breaks are unchanged)."""
import random
import sys

# ---------------------------------------------------------------------------------------------
# Languages


class Lang:
    def __init__(self, code, out_name, title, vowels, consonants, signs="", hard_signs="",
                 glide="", onset3_first="", source=()):
        self.code = code
        self.out_name = out_name
        self.title = title
        self.vowels = vowels            # always syllable vowels
        self.consonants = consonants    # always consonants
        self.signs = signs              # ь ъ: no sound of their own, kept with the consonant before
        self.hard_signs = hard_signs    # ъ: also no break before its consonant (see patterns)
        self.glide = glide              # у: vowel or consonant [w] by position
        self.onset3_first = onset3_first  # 4-consonant word starts are covered for these first letters
        self.source = source
        self.letters = vowels + consonants + signs + glide
        assert len(set(self.letters)) == len(self.letters), code


KK = Lang(
    "kk", "hyph_kk_KZ.dic", "Kazakh (Cyrillic)",
    vowels="аәеёиоөұүыіэюя",
    consonants="бвгғджзйкқлмнңпрстфхһцчшщ",
    signs="ьъ",
    hard_signs="ъ",
    glide="у",
    onset3_first="в",
    source=(
        "«Қазақ тілінің емле ережелері», «Тасымал»",
        "(word division by syllables); editions and rules: docs/hyphenation-syllabic.md",
    ))

TR = Lang(
    "tr", "hyph_tr_TR.dic", "Turkish",
    vowels="aâeıiîoöuüû",
    consonants="bcçdfgğhjklmnpqrsştvwxyz",
    source=(
        "Türk Dil Kurumu, Yazım Kılavuzu, «Hece yapısı ve satır sonunda",
        "kelimelerin bölünmesi»; details: docs/hyphenation-syllabic.md",
    ))

LANGS = {"kk": KK, "tr": TR}

LEFT_MIN = 2   # also the caller's minima; the patterns themselves never leave one letter
RIGHT_MIN = 2

# ---------------------------------------------------------------------------------------------
# The rules as a syllabifier


def classes(lang, word):
    """V (syllable vowel), C (consonant, including у as [w]) or S (ь, ъ) for each letter."""
    out = []
    for i, ch in enumerate(word):
        if ch in lang.vowels:
            out.append("V")
        elif ch in lang.consonants:
            out.append("C")
        elif ch in lang.signs:
            out.append("S")
        elif ch in lang.glide:
            if i == 0:
                # уақыт, уәде: [w] before a vowel at the start; улы: a vowel before a consonant
                out.append("C" if len(word) > 1 and word[1] in lang.vowels else "V")
            elif word[i - 1] in lang.vowels or word[i - 1] in lang.glide:
                out.append("C")  # тау, та-уы, ту-уы: [w] after a vowel (and after у)
            else:
                out.append("V")  # бу-ын, су-ық, оқу-шы: [ʊw]/[ʏw] after a consonant
        else:
            raise ValueError("%s: %r is not a %s letter" % (word, ch, lang.code))
    return out


def syllable_breaks(lang, word):
    """Every syllable boundary (positions 1..n-1, break after that many letters); no minima."""
    cls = classes(lang, word)
    nuclei = [i for i, c in enumerate(cls) if c == "V"]
    breaks = []
    for p, q in zip(nuclei, nuclei[1:]):
        if q == p + 1:
            breaks.append(q)  # two vowels: sa-at, по-эзия, бу-ын, қи-ын
            continue
        # Units between the vowels: a consonant with any ь/ъ after it; a sign right after the
        # vowel stays with the vowel. The last unit starts the next syllable.
        # Except before consonant + ъ (су|бъект): ъ follows a Russian prefix, and neither
        # су-бъект (the prefix torn) nor субъ-ект (a line ending before a vowel) is allowed.
        starts = [i for i in range(p + 1, q) if cls[i] == "C"]
        if starts and not (starts[-1] + 1 < q and word[starts[-1] + 1] in lang.hard_signs):
            breaks.append(starts[-1])
    return breaks


def line_breaks(lang, word):
    """Syllable boundaries that leave at least LEFT_MIN / RIGHT_MIN letters on each line."""
    n = len(word)
    return [b for b in syllable_breaks(lang, word) if b >= LEFT_MIN and n - b >= RIGHT_MIN]


def onset(lang, word):
    cls = classes(lang, word)
    k = 0
    while k < len(cls) and cls[k] != "V":
        k += 1
    return word[:k] if k < len(cls) else word


def onset_covered(lang, word):
    """Word starts the patterns handle: up to three letters before the first vowel, or four
    starting with one of lang.onset3_first (Russian встреча, взгляд) or with a consonant + ь
    (Russian льстец). Longer ones do not occur in Kazakh or Turkish words."""
    o = onset(lang, word)
    if len(o) == len(word) or len(o) <= 3:
        return True
    if len(o) == 4:
        if o[0] in lang.onset3_first and o[1] in lang.consonants and o[2] in lang.consonants:
            return True
        if o[1] == "ь" and o[0] in lang.consonants and o[2] in lang.consonants:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# The rules as Liang patterns
#
# Digits: 1 allows a break, 2 forbids it (syllable rules), 8 forbids it (one letter alone on a
# line). A forbidding pattern must never meet an allowing one at a real syllable boundary; the
# check below proves it for every word it tries.


def patterns(lang):
    V, C, S, G = lang.vowels, lang.consonants, lang.signs, lang.glide
    out = []
    add = out.append
    # (1) The last consonant before a vowel starts the syllable: break before it.
    #     Consonant clusters between vowels therefore break before their last consonant only
    #     (al-dı, Türk-çe, қа-зақс-тан, ми-нистр-лік).
    for c in C:
        for v in V + G:        # a consonant before у: у is then a vowel (ту-ра, о-қу-шы)
            add("1" + c + v)
    for g in G:
        for v in V:            # у [w] between vowels starts the syllable: та-уы, жа-уап
            add("1" + g + v)
    # (2) Consonant + ь before a vowel is one unit: break before the consonant
    #     (би-льярд, ба-та-льон, ком-пью-тер, пье-са).
    for c in C + G:
        for s in S:
            for v in V + G:
                add(("2" if s in lang.hard_signs else "1") + c + s + v)
    #     Consonant + ъ: no break before it either (субъект, объект, адъютант; see
    #     syllable_breaks).
    for c in C + G:
        for s in lang.hard_signs:
            add("2" + c + s)
    # (3) Two vowels side by side: a break between them (sa-at, şi-ir, по-э-зия, қи-ын, жи-і).
    for v in V:
        for w in V:
            add(v + "1" + w)
    # (4) у as a vowel before a vowel: бу-ын, су-ық, ту-ын-ды, қу-а-қы ...
    for g in G:
        for v in V:
            add(g + "1" + v)
        # ... but у after a consonant or a sign is a vowel: no break before it (бу-ын, not б-уын)
        for c in C + S:
            add(c + "2" + g)
        # ... and у after a vowel or after у is [w] and starts the syllable: no break after
        # it (та-уы, not тау-ы; ту-уы, not туу-ы).
        for v in V + G:
            for w in V:
                add(v + g + "2" + w)
    # (5) ь and ъ never start a line, and never end one before a vowel.
    for s in S:
        add("2" + s)
        for v in V + G:
            add(s + "2" + v)
    # (6) Consonants at the start of a word stay together (спорт, стра-те-гия, stres, stra-te-ji).
    for x in C + S:                       # (a sign at the start is a typo; keep it quiet)
        for y in C + S:
            add("." + x + y + "2")
    for x in lang.onset3_first:          # встреча, взгляд (Russian; none in Kazakh words)
        for y in C:
            for z in C:
                add("." + x + y + z + "2")
    if "ь" in S:                          # льстец (Russian)
        for x in C:
            for z in C:
                add("." + x + "ь" + z + "2")
    # (7) No single letter at either end: a-ra-ba, ар-ми-я, u-çurt-ma -> araba, армия, uçurt-ma.
    for L in lang.letters:
        add("." + L + "8")
        add("8" + L + ".")
    return out


def parse(pattern):
    letters, digits = [], [0]
    for ch in pattern:
        if ch.isdigit():
            digits[-1] = int(ch)
        else:
            letters.append(ch)
            digits.append(0)
    return "".join(letters), digits


def render(letters, digits):
    out = []
    for i, ch in enumerate(letters):
        if digits[i]:
            out.append(str(digits[i]))
        out.append(ch)
    if digits[-1]:
        out.append(str(digits[-1]))
    return "".join(out)


def merge(pattern_list):
    """One entry per letter string, digits combined by maximum. (libhyphen keeps only the last
    of two lines with the same letters.)"""
    table = {}
    for p in pattern_list:
        letters, digits = parse(p)
        if letters in table:
            table[letters] = [max(a, b) for a, b in zip(table[letters], digits)]
        else:
            table[letters] = digits
    return table


def embed_substrings(table):
    """What libhyphen's substrings.pl does: its matcher applies only the pattern of the longest
    pattern prefix ending at each letter, so every pattern prefix that has shorter patterns
    ending at its end gets their digits. Returns the table libhyphen should load."""
    out = {}
    for letters in table:
        for k in range(1, len(letters) + 1):
            prefix = letters[:k]
            if prefix in out:
                continue
            digits = None
            for m in range(1, k + 1):
                sub = prefix[k - m:]
                if sub in table:
                    if digits is None:
                        digits = [0] * (k + 1)
                    for t, d in enumerate(table[sub]):
                        digits[k - m + t] = max(digits[k - m + t], d)
            if digits is not None:
                out[prefix] = digits
    return out


# ---------------------------------------------------------------------------------------------
# Matching, as Liang (all patterns everywhere) and as libhyphen (longest pattern prefix)


def liang(table, word, maxlen):
    w = "." + word + "."
    vals = [0] * (len(w) + 1)
    for i in range(len(w)):
        for j in range(i + 1, min(len(w), i + maxlen) + 1):
            d = table.get(w[i:j])
            if d:
                for t, x in enumerate(d):
                    if vals[i + t] < x:
                        vals[i + t] = x
    # vals[k] is the value before w[k]; a break after word letter b sits before w[b + 1]
    return [b for b in range(1, len(word)) if vals[b + 1] % 2]


class LibhyphenEmulation:
    """hnj_hyphen_hyph_ in hyphen.c (2.8.8): an automaton over pattern prefixes with fallback
    links; at each letter only the match of the current state applies."""

    def __init__(self, table):
        self.table = table
        self.states = set([""])
        for letters in table:
            for k in range(1, len(letters) + 1):
                self.states.add(letters[:k])
        self.maxlen = max(len(s) for s in self.states)

    def breaks(self, word):
        w = "." + word + "."
        vals = [0] * (len(w) + 1)
        state = ""
        for i, ch in enumerate(w):
            s = state + ch
            while s and s not in self.states:
                s = s[1:]
            state = s
            d = self.table.get(state)
            if d:
                off = i + 1 - len(state)
                for t, x in enumerate(d):
                    if vals[off + t] < x:
                        vals[off + t] = x
        return [b for b in range(1, len(word)) if vals[b + 1] % 2]


# ---------------------------------------------------------------------------------------------
# Check


def representatives(lang):
    reps = [lang.vowels[0], lang.consonants[-1]]  # а/t-like letters: all vowels act alike
    reps += [c for c in lang.onset3_first]
    reps += list(lang.glide) + list(lang.signs)
    return reps


def words_to_check(lang, maxlen, seed=7):
    reps = representatives(lang)
    words = []
    for n in range(1, maxlen + 1):
        idx = [0] * n
        while True:
            words.append("".join(reps[i] for i in idx))
            k = n - 1
            while k >= 0 and idx[k] == len(reps) - 1:
                idx[k] = 0
                k -= 1
            if k < 0:
                break
            idx[k] += 1
    rnd = random.Random(seed)
    weights = ([(c, 5) for c in lang.vowels] + [(c, 4) for c in lang.consonants]
               + [(c, 3) for c in lang.glide] + [(c, 1) for c in lang.signs])
    pool = [c for c, w in weights for _ in range(w)]
    for _ in range(40000):
        words.append("".join(rnd.choice(pool) for _ in range(rnd.randint(2, 14))))
    return words


def check(lang, raw, loaded, maxlen):
    emu = LibhyphenEmulation(loaded)
    rawlen = max(len(k) for k in raw)
    tried = skipped = 0
    for word in words_to_check(lang, maxlen):
        if not onset_covered(lang, word) or any(a in lang.signs and b in lang.signs
                                                for a, b in zip(word, word[1:])):
            skipped += 1
            continue
        tried += 1
        want = line_breaks(lang, word)
        got_liang = liang(raw, word, rawlen)
        got_lib = emu.breaks(word)
        if got_liang != want or got_lib != want:
            sys.stderr.write("check failed for %r: rules %s, patterns %s, as libhyphen reads "
                             "them %s\n" % (word, want, got_liang, got_lib))
            return False
    sys.stderr.write("%s: patterns agree with the rules on %d words (%d skipped: 4+ letters "
                     "before the first vowel%s)\n"
                     % (lang.code, tried, skipped, ", or ьь/ъъ" if lang.signs else ""))
    return True


# ---------------------------------------------------------------------------------------------
# Output


def header(lang, count):
    lines = [
        "% " + lang.out_name + ": " + lang.title + " hyphenation patterns for libhyphen",
        "% Generated by scripts/make-syllable-hyphen.py (Appeal Press) from syllable rules.",
        "% Do not edit: change the script and run it again.",
        "% Rule source:",
    ] + ["%   " + s for s in lang.source] + [
        "% Patterns: " + str(count) + " (substrings embedded as libhyphen's substrings.pl would)",
        "% The patterns never leave one letter on a line; LEFT/RIGHTHYPHENMIN are 2 as well.",
    ]
    return lines


def write(lang, path, loaded):
    body = [render(k, loaded[k]) for k in sorted(loaded)]
    lines = ["UTF-8"] + header(lang, len(body)) + [
        "LEFTHYPHENMIN %d" % LEFT_MIN, "RIGHTHYPHENMIN %d" % RIGHT_MIN] + body
    for line in lines:
        # hyphen.c reads lines with fgets into a 100-byte buffer: longer lines would be split
        # and their tail read as a pattern.
        if len(line.encode("utf-8")) + 1 >= 100:
            raise SystemExit("line too long for libhyphen: %r" % line)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    if len(args) != 2 or args[0] not in LANGS or set(flags) - {"--no-check", "--deep-check"}:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    lang = LANGS[args[0]]
    raw = merge(patterns(lang))
    loaded = embed_substrings(raw)
    if "--no-check" not in flags:
        if not check(lang, raw, loaded, 8 if "--deep-check" in flags else 7):
            return 1
    write(lang, args[1], loaded)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
