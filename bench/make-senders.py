#!/usr/bin/python3
"""Writes N deterministic senders (names and addresses from several countries, with
diacritics and Cyrillic) as CSV to stdout. Usage: make-senders.py N"""
import sys

n = int(sys.argv[1])
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
out.write("name,address,country,email\n")
for i in range(n):
    cc, street, town = places[i % len(places)]
    name = f"{first[i % len(first)]} {last[(i * 7) % len(last)]}"
    addr = street.format(n=i % 997 + 1) + "\n" + town.format(n=i % 997 + 1)
    out.write(f"\"{name}\",\"{addr}\",{cc},sender{i}@example.org\n")
