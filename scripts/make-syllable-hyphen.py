#!/usr/bin/python3
"""Writes libhyphen pattern files (UTF-8, Liang patterns) from the syllable rules of a Turkic
language, or from the Ukrainian rules of word division. Stdlib only.

usage: make-syllable-hyphen.py LANG OUT.dic [--no-check] [--deep-check]
       LANG is kk (Kazakh, Cyrillic), tr (Turkish) or uk (Ukrainian)

  scripts/make-syllable-hyphen.py kk data/hyphen/hyph_kk_KZ.dic
  scripts/make-syllable-hyphen.py tr data/hyphen/hyph_tr_TR.dic
  scripts/make-syllable-hyphen.py uk data/hyphen/hyph_uk_UA.dic

The rules, their sources and the pattern design are in docs/hyphenation-syllabic.md. In short:
every syllable has one vowel; the last consonant before a vowel starts its syllable, all other
consonants between two vowels close the syllable before (V-CV, VC-CV, VCC-CV, ...); two vowels
side by side belong to two syllables; consonants at the start or the end of a word stay with
the nearest vowel; a break never leaves a single letter on either line. Kazakh adds у (a vowel
after a consonant, the glide [w] after a vowel and before a vowel at the start of a word),
и (always a syllable vowel: қи-ын, жи-і), й (a consonant), and ь/ъ (kept with the consonant
before them: no break before ь/ъ, none between ь/ъ and a vowel, and none before the consonant
of ъ, which follows a Russian prefix: субъект).

Ukrainian (Український правопис 2019, § 63) has its own section below: the same skeleton, with
дж/дз as one consonant, ь and the apostrophe kept with the consonant before them, й closing a
syllable before a consonant and opening one before a vowel, onset groups that go to the next
line together (се-стра, за-три-ман-ня), and prefix and root rules at word starts and after
vowels (роз-гляд, ви-зна-чен-ня, no break around дз in надзвичайний).

The script holds two things per language: the rules written out as a plain syllabifier
(`syllable_breaks`, `uk_syllable_breaks`), and the same rules as Liang patterns (`patterns`,
`uk_patterns`). Before writing, it checks that libhyphen's way of reading the patterns gives
exactly the syllabifier's breaks on every word over a small alphabet of one letter per class
(all lengths up to 7, --deep-check: 8; Ukrainian, with more classes: 5 and 6), on random words
over the whole alphabet and, for Ukrainian, on random words around every prefix and root rule;
it writes nothing if they differ.

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
# Ukrainian
#
# Український правопис (2019), «Правила переносу», § 63 «Орфографічні правила переносу». Its
# rule 10 lets a consonant cluster be divided anywhere that keeps whole syllables (се-стра and
# сест-ра); rules 1-8 forbid some of those divisions (one letter alone, дж/дз, йо/ьо, ь/’/й
# torn from the letter before, a prefix torn from its root, ...). The patterns use one fixed
# division that is allowed in every case the script can recognise, and choose, where the rules
# give a choice, the division that keeps roots and suffixes whole (незалеж-ний, not
# незале-жний). The convention, its reasons and its limits: docs/hyphenation-syllabic.md.

UK_VOWELS = "аеєиіїоуюя"
UK_CONSONANTS = "бвгґджзклмнпрстфхцчшщ"
UK_J = "й"
UK_APOSTROPHES = "’'ʼ"         # U+2019, U+0027, U+02BC: all three are written
UK_SIGNS = "ь" + UK_APOSTROPHES
UK_DIGRAPHS = ("дж", "дз")      # one sound each: never split

# Onset groups: two consonants that go to the next line together (the last consonant and the
# one before it): б г ґ д ж з к п с т ф х ц ч ш щ + р, б г ґ к п с ф х + л, т с з к х ц + в,
# с + т п к х ф м, ш + т, з + б г м (letters; the ж and з of дж, дз count as well: дзв,
# джр; в л м н р й are never the first of a group). Not: д + в
# (ад-во-кат), consonant + н (незалеж-ний, влас-ний, різ-ний), + к (адвокат-ка,
# журналіст-ка), д т ж з ч ш + л (справед-ли-вість, світ-лий, важ-ли-вий): those mostly meet
# at a root and a suffix. Chains of groups go together too (се-стра, де-мон-стра-ці-я,
# то-ва-ри-ство).
UK_PAIRS = frozenset(
    [(c, "р") for c in "бгґджзкпстфхцчшщ"]
    + [(c, "л") for c in "бгґкпсфх"]
    + [(c, "в") for c in "тсзкхц"]
    + [("с", c) for c in "тпкхфм"] + [("ш", "т")]
    + [("з", c) for c in "бгм"])


def uk_pair(a, b):
    """Do consonant units a and b (letters or дж/дз) form an onset group?"""
    return (a[-1], b[0]) in UK_PAIRS


UK_NE = ("", "не")   # the prefix families also apply after не- (нерозривний, невизнаний)
# Monosyllabic prefixes ending in a consonant (rule 7: not divided before a consonant; rule 5:
# the root's first consonant not torn from the root): роз-гляд, без-пе-ка, від-по-відь,
# під-трим-ка, над-мір-ний, між-на-род-ний, об-ме-жен-ня; and the loan prefixes дис-, екс-
# (дис-кри-мі-на-ці-я, екс-тра-ди-ці-я, екс-перт).
UK_PREFIX_C = ("роз", "без", "від", "під", "над", "між", "об", "дис", "екс")
# Vowel-final prefix (and за + в) + a root-initial cluster that the default would divide
# (rule 5: ви-прав-дан-ня, до-зрі-ва-ти): the break goes after the prefix, none inside the
# cluster (ви-знан-ня, о-сно-ва, по-двій-ний, по-шко-джен-ня, по-чнуть, зав-жди).
UK_PREFIX_V = (("ви", "зн"), ("при", "зн"), ("за", "зн"), ("по", "зн"), ("до", "зн"),
               ("о", "зн"), ("не", "зн"), ("ви", "сн"), ("за", "сн"), ("о", "сн"),
               ("по", "дв"), ("не", "дв"), ("по", "шк"), ("за", "шк"), ("не", "шк"),
               ("ви", "гн"), ("за", "мк"), ("по", "чн"), ("зав", "жд"))
# Roots whose first consonants the default would divide, after a vowel anywhere in the word
# (a prefix or the linking vowel of a compound; rules 5 and 8): the break goes before the
# root, none inside its first consonants (ви-зна-чен-ня, са-мо-ви-зна-чен-ня, дво-знач-ний,
# пра-во-знав-ство, зі-знан-ня, по-шко-джен-ня, ви-снов-ки, по-двій-ний, ви-мкне-ний).
UK_ROOTS = ("знач", "знав", "знан", "знай", "знат", "знак", "знищ", "снов", "снаж", "шкод",
            "шкід", "двій", "двиг", "двір", "двор", "двоє", "гнан", "гнут", "мкн")
# Prefix + й-root (-йти, -йняти, -ймати): rule 4 (й stays with the letter before: прий-ня-ти)
# and rule 5 (the root's first consonant stays with the root: при-йня-ти) disagree, so no
# break on either side of that й.
UK_PREFIX_J = (("тшд", ("за", "ви", "при", "про", "пере", "ді", "зі", "обі", "піді", "віді",
                        "наді", "розі", "уві", "вві", "зна", "вина", "відна")),
               ("мн", ("за", "ви", "при", "спри", "про", "пере", "обі", "на")))
# Word starts where д of a prefix meets ж/з of the root (дж, дз are never split, and
# на-дзвичайний, пі-джи-ти are wrong), and where над- cannot be told from на- + д
# (над-ве-чір’я / на-дво-рі, над-рив / на-дру-ку-ва-ти): no break in the cluster.
UK_NOBREAK = ("відж", "відз", "підж", "підз", "надж", "надз", "надв", "надр")


# A dictionary without NEXTLEVEL gets libhyphen's built-in first level (hyphen.c,
# hnj_hyphen_load): NOHYPHEN ',–,’,- and the patterns 1'1 1’1 1-1 1–1, which cut the word at
# every apostrophe and hyphenate the pieces on their own (пам’ять as пам + ять: no break).
# The Ukrainian file brings its own first level, the same without the apostrophes, so that
# its patterns see the apostrophe as part of the word (па-м’ять, по-в’я-за-ний).
UK_FIRST_LEVEL = (
    "COMPOUNDLEFTHYPHENMIN %d" % LEFT_MIN, "COMPOUNDRIGHTHYPHENMIN %d" % RIGHT_MIN,
    "NOHYPHEN -,\u2013", "1-1", "1\u20131", "NEXTLEVEL")


class Ukrainian:
    code = "uk"
    out_name = "hyph_uk_UA.dic"
    title = "Ukrainian"
    source = (
        "Український правопис (2019), «Правила переносу»,",
        "§ 63 «Орфографічні правила переносу»;",
        "convention and limits: docs/hyphenation-syllabic.md",
    )
    letters = UK_VOWELS + UK_CONSONANTS + UK_J + UK_SIGNS


UK = Ukrainian()
LANGS["uk"] = UK


def uk_units(word):
    """(kind, start, end, base) for each unit: V a vowel, J й, C a consonant or дж/дз with
    the ь or apostrophe after it."""
    units = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in UK_VOWELS:
            units.append(("V", i, i + 1, ch))
            i += 1
        elif ch == UK_J:
            units.append(("J", i, i + 1, ch))
            i += 1
        elif ch in UK_CONSONANTS:
            j = i + 2 if word[i:i + 2] in UK_DIGRAPHS else i + 1
            base = word[i:j]
            if j < n and word[j] in UK_SIGNS:
                j += 1
            units.append(("C", i, j, base))
            i = j
        elif ch in UK_SIGNS:
            raise ValueError("%s: %r not after a consonant" % (word, ch))
        else:
            raise ValueError("%s: %r is not a uk letter" % (word, ch))
    return units


def uk_signed(unit):
    """Is the consonant unit followed by ь or an apostrophe (which ends an onset group)?"""
    return unit[2] - unit[1] > len(unit[3])


def uk_default_breaks(word):
    """Syllable boundaries by the general rules, before the prefix and root rules."""
    units = uk_units(word)
    nuclei = [k for k, u in enumerate(units) if u[0] == "V"]
    breaks = []
    for p, q in zip(nuclei, nuclei[1:]):
        mid = units[p + 1:q]
        if not mid:
            breaks.append(units[q][1])        # ді-я, на-у-ка
        elif mid[-1][0] == "J":
            breaks.append(mid[-1][1])         # па-йок, буль-йон (й before a vowel)
        else:
            s = len(mid) - 1                  # the last consonant unit starts the syllable,
            while (s > 0 and mid[s - 1][0] == "C" and not uk_signed(mid[s - 1])
                   and uk_pair(mid[s - 1][3], mid[s][3])):
                s -= 1                        # with the onset group before it (се-стра)
            breaks.append(mid[s][1])
    return breaks


def uk_root_rules():
    """The root rules as (letters, {break position within them: digit}), matched after any
    vowel: the letters are the vowel and the root."""
    rules = []
    for v in UK_VOWELS:
        for r in UK_ROOTS:
            k = 0                              # consonants the root starts with
            while k < len(r) and r[k] not in UK_VOWELS:
                k += 1
            digits = {1: 3}
            for pos in range(2, k + 1):
                digits[pos] = 4
            rules.append((v + r, digits))
    return rules


def uk_start_rules():
    """The prefix rules as (letters after the word start, {break position: digit}): 3 allows,
    4 forbids, overriding the general rules (1 and 2)."""
    rules = []
    for ne in UK_NE:
        for p in UK_PREFIX_C:
            w = ne + p
            n = len(w)
            for c in UK_CONSONANTS:
                if (p[-1] == "д" and c in "жз") or (p == "над" and c in "вр"):
                    continue                  # UK_NOBREAK
                rules.append((w + c, {n - 1: 4, n: 3, n + 1: 4}))
            for a in UK_APOSTROPHES:          # під’їзд, роз’яснення: not пі-д’їзд
                rules.append((w + a, {n - 1: 4}))
        for s in UK_NOBREAK:
            w = ne + s
            n = len(w)
            rules.append((w, {n - 2: 4, n - 1: 4, n: 4}))
        for p, k in UK_PREFIX_V:
            if ne and p == "не":
                continue
            w = ne + p
            n = len(w)
            rules.append((w + k, {n: 3, n + 1: 4, n + 2: 4}))
        for cs, prefixes in UK_PREFIX_J:
            for p in prefixes:
                w = ne + p
                n = len(w)
                for c in cs:
                    rules.append((w + UK_J + c, {n: 4, n + 1: 4}))
    return rules


_UK_START = {}
_UK_ROOT = {}


def uk_root_table():
    if not _UK_ROOT:
        for letters, digits in uk_root_rules():
            _UK_ROOT[letters] = digits
    return _UK_ROOT


def uk_start_table():
    if not _UK_START:
        for letters, digits in uk_start_rules():
            table = _UK_START.setdefault(letters, {})
            for pos, d in digits.items():
                table[pos] = max(table.get(pos, 0), d)
    return _UK_START


def uk_syllable_breaks(word):
    """Every syllable boundary the convention allows (positions 1..n-1); no minima."""
    breaks = set(uk_default_breaks(word))
    override = {}
    start = uk_start_table()
    for k in range(1, len(word) + 1):
        for pos, d in start.get(word[:k], {}).items():
            override[pos] = max(override.get(pos, 0), d)
    roots = uk_root_table()
    lengths = sorted(set(len(k) for k in roots))
    for i in range(len(word)):
        for n in lengths:
            for pos, d in roots.get(word[i:i + n], {}).items():
                override[i + pos] = max(override.get(i + pos, 0), d)
    for pos, d in override.items():
        if d % 2:
            breaks.add(pos)
        else:
            breaks.discard(pos)
    return sorted(b for b in breaks if 0 < b < len(word))


def uk_line_breaks(word):
    n = len(word)
    return [b for b in uk_syllable_breaks(word) if b >= LEFT_MIN and n - b >= RIGHT_MIN]


def uk_chains():
    """Onset groups of two or more consonant units (chains of uk_pair)."""
    units = list(UK_CONSONANTS) + list(UK_DIGRAPHS)
    out = []
    frontier = [(a, b) for a in units for b in units if uk_pair(a, b)]
    while frontier:
        out.extend(frontier)
        frontier = [c + (z,) for c in frontier for z in units if uk_pair(c[-1], z)]
        assert all(len(c) <= 4 for c in frontier), "onset groups must not form a cycle"
    return out


def uk_patterns():
    V, C, S = UK_VOWELS, UK_CONSONANTS, UK_SIGNS
    units = list(C) + list(UK_DIGRAPHS)
    out = []
    add = out.append
    # (1) The last consonant unit before a vowel starts the syllable (ме-та, жур-на-ліст-ка,
    #     звіль-нен-ня, ка-в’яр-ня, сі-м’я, кіль-це, хо-джу).
    for u in units:
        for v in V:
            add("1" + u + v)
            for s in S:
                add("1" + u + s + v)
    # (2) дж and дз are one sound: never split.
    for d in UK_DIGRAPHS:
        add(d[0] + "2" + d[1])
    # (3) й before a vowel starts the syllable (па-йок, ра-йон, буль-йон); before a consonant
    #     it stays with the vowel (чай-ка), which (1) does already.
    for v in V:
        add("1" + UK_J + v)
    # (4) ь and the apostrophe never start a line and never end one before a vowel.
    for s in S:
        add("2" + s)
        for v in V:
            add(s + "2" + v)
    # (5) Two vowels side by side: a break between them (ді-я, на-у-ка).
    for v in V:
        for w in V:
            add(v + "1" + w)
    # (6) Onset groups go to the next line together (се-стра, за-три-ман-ня, ви-прав-дан-ня).
    for x, y in sorted(UK_PAIRS):
        add(x + "2" + y)
    for chain in uk_chains():
        body = "".join(chain)
        for v in V:
            add("1" + body + v)
            for s in S:
                add("1" + body + s + v)
    # (7) Consonants at the start of a word stay together (спра-ва, зв’я-зок, бджо-ла).
    for x in C + UK_J:
        for y in C + UK_J + S:
            add("." + x + y + "2")
    # (8) No single letter at either end (ака-де-мія, уряд).
    for L in UK.letters:
        add("." + L + "8")
        add("8" + L + ".")
    # (9) Prefixes at the start of the word (with or without не-), roots after a vowel.
    for letters, digits in uk_start_rules():
        d = [0] * (len(letters) + 1)
        for pos, x in digits.items():
            d[pos] = x
        add("." + render(letters, d))
    for letters, digits in uk_root_rules():
        d = [0] * (len(letters) + 1)
        for pos, x in digits.items():
            d[pos] = x
        add(render(letters, d))
    return out


def uk_words_to_check(maxlen, seed=11):
    reps = "айь’джзстрнвкл"
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
    pool = ([c for c in UK_VOWELS for _ in range(6)] + [c for c in UK_CONSONANTS for _ in range(4)]
            + [UK_J] * 3 + list(UK_SIGNS) * 2)
    for _ in range(40000):
        words.append("".join(rnd.choice(pool) for _ in range(rnd.randint(2, 14))))
    for letters, _ in uk_start_rules():
        for _ in range(3):
            words.append(letters + "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 6))))
    for letters, _ in uk_root_rules():
        for _ in range(3):
            words.append("".join(rnd.choice(pool) for _ in range(rnd.randint(0, 5))) + letters
                         + "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 5))))
    return words


def uk_onset_covered(word):
    """The patterns keep together word starts of up to three letters before the first vowel
    (longer ones only when their onset groups reach back to the second letter)."""
    k = 0
    while k < len(word) and word[k] not in UK_VOWELS:
        k += 1
    if k == len(word) or k <= 3:
        return True
    return all(b - 1 <= 2 for b in uk_default_breaks("а" + word[:k] + "а") if b - 1 < k)


def uk_check(raw, loaded, maxlen):
    emu = LibhyphenEmulation(loaded)
    rawlen = max(len(k) for k in raw)
    tried = skipped = 0
    for word in uk_words_to_check(maxlen):
        try:
            want = uk_line_breaks(word)
        except ValueError:
            skipped += 1
            continue
        if not uk_onset_covered(word):
            skipped += 1
            continue
        tried += 1
        got_liang = liang(raw, word, rawlen)
        got_lib = emu.breaks(word)
        if got_liang != want or got_lib != want:
            sys.stderr.write("check failed for %r: rules %s, patterns %s, as libhyphen reads "
                             "them %s\n" % (word, want, got_liang, got_lib))
            return False
    sys.stderr.write("uk: patterns agree with the rules on %d words (%d skipped: ь or an "
                     "apostrophe not after a consonant, or 4+ letters before the first vowel)\n"
                     % (tried, skipped))
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


def write(lang, path, loaded, first_level=()):
    body = [render(k, loaded[k]) for k in sorted(loaded)]
    lines = ["UTF-8"] + header(lang, len(body)) + [
        "LEFTHYPHENMIN %d" % LEFT_MIN, "RIGHTHYPHENMIN %d" % RIGHT_MIN] + list(first_level) + body
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
    deep = "--deep-check" in flags
    raw = merge(uk_patterns() if lang is UK else patterns(lang))
    loaded = embed_substrings(raw)
    if "--no-check" not in flags:
        ok = uk_check(raw, loaded, 6 if deep else 5) if lang is UK else check(lang, raw, loaded, 8 if deep else 7)
        if not ok:
            return 1
    write(lang, args[1], loaded, UK_FIRST_LEVEL if lang is UK else ())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
