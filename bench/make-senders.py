#!/usr/bin/python3
"""Writes N deterministic senders (names and addresses from several countries, with
diacritics and Cyrillic) as CSV to stdout. Usage: make-senders.py N [--personal PERCENT]
--personal: that share of the senders (every k-th) writes a personal paragraph, in one of
eight languages and scripts (German, Greek, Chinese, Arabic, Vietnamese, Kazakh, Spanish,
English), with a `personal` column (issue 18)."""
import sys

n = int(sys.argv[1])
personal = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--personal" else 0
paragraphs = [
    "Als Lehrerin in Berlin bitte ich Sie, die Meinungsfreiheit zu achten und alle Anklagen fallen zu lassen.",
    "Ως δικηγόρος στην Αθήνα, σας ζητώ να σεβαστείτε το δικαίωμα της ελεύθερης έκφρασης.\nΕυχαριστώ.",
    "作为一名在北京工作的记者，我恳请您尊重言论自由，撤销对他的所有指控。",
    "بصفتي طبيبة في القاهرة، أطلب منكم احترام حرية التعبير وإسقاط جميع التهم.",
    "Là một sinh viên luật ở Hà Nội, tôi tin rằng quyền tự do ngôn luận phải được tôn trọng.",
    "Алматыдағы мұғалім ретінде сізден сөз бостандығын құрметтеуді сұраймын.",
    "Como enfermera en Madrid, le pido que respete la libertad de expresión de Zhanbolat Mamay y retire todos los cargos.",
    "As a teacher in Brisbane, I have taught my pupils that free speech is the bedrock of any society; "
    "I ask you to honour it for Zhanbolat Mamay and to drop every charge against him.",
]
first = ["Łukasz", "Siobhán", "Zoë", "Jürgen", "Айгерім", "François", "Ingrid", "Mateus", "Ольга", "Nuno", "Ærøskøbing",
         "Dagný", "Şebnem", "Žarko", "Mary"]
last = ["Kowalski", "O'Neill", "Müller", "Сәрсенова", "Lefèvre", "Ødegård", "Ribeiro", "Иванова", "García", "Nowak",
        "Smith", "Dvořák"]
places = [("PL", "ul. Długa {n}", "00-{n:03d} Warszawa"), ("IE", "{n} Main Street", "Ennis, Co. Clare"),
          ("DE", "Schloßstraße {n}", "10117 Berlin"), ("KZ", "ул. Абая, {n}", "050000 Алматы"),
          ("FR", "{n}, rue de la Paix", "75002 Paris"), ("NO", "Storgata {n}", "0155 Oslo"),
          ("PT", "Rua Augusta, {n}", "1100-053 Lisboa"), ("GB", "{n} Hillside Road", "LONDON N1 2AB"),
          ("US", "{n} Elm Street", "Springfield, IL 62701"), ("ES", "Calle Mayor, {n}", "28013 Madrid")]
out = sys.stdout
out.write("name,address,country,email" + (",personal" if personal else "") + "\n")
for i in range(n):
    cc, street, town = places[i % len(places)]
    name = f"{first[i % len(first)]} {last[(i * 7) % len(last)]}"
    addr = street.format(n=i % 997 + 1) + "\n" + town.format(n=i % 997 + 1)
    row = f"\"{name}\",\"{addr}\",{cc},sender{i}@example.org"
    if personal:
        # Spread evenly: sender i writes one when the running share steps up.
        writes = (i + 1) * personal // 100 > i * personal // 100
        row += ",\"" + (paragraphs[i % len(paragraphs)] if writes else "") + "\""
    out.write(row + "\n")
