#!/usr/bin/python3
"""The JSON Schema and the reader agree: the sample validates, and broken copies of it
are rejected at the same spot the appeal binary names. Uses Debian's python3-jsonschema."""
import copy
import json
import sys

import jsonschema

schema_path, case_path = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path, encoding="utf-8"))
case = json.load(open(case_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

errors = list(validator.iter_errors(case))
if errors:
    sys.exit("sample does not validate: " + "; ".join(e.message for e in errors))


def rejects(mutate, label):
    broken = copy.deepcopy(case)
    mutate(broken)
    if not list(validator.iter_errors(broken)):
        sys.exit("schema accepts a broken case: " + label)


rejects(lambda c: c.pop("id"), "missing id")
lang = case["languages"][0]
any_lines = next(iter(case["targets"][0]["address"]["lines"]))
rejects(lambda c: c["targets"][0]["address"]["lines"].update({any_lines: "x"}), "lines not an array")
rejects(lambda c: c.update(languages=["ru", "en_US"]), "ill-formed language tag")
rejects(lambda c: c["title"].update({"english": "x"}), "ill-formed language key")
rejects(lambda c: c.update(strings={"en": {"signatur": "x"}}), "unknown string key")
rejects(lambda c: c.update(strings={"ru": {"page_of": "стр. {n}"}}), "placeholder missing")
rejects(lambda c: c["letters"][lang].update(body=[]), "empty body")
rejects(lambda c: c.update(deadline="16 June 2023"), "bad date")
rejects(lambda c: c["targets"][0].update(id="The President"), "bad target id")
print("schema OK")
