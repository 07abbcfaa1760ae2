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
rejects(lambda c: c["targets"][1]["address"]["lines"].update(ru="x"), "lines not an array")
rejects(lambda c: c.update(languages=["ru", "xx"]), "unknown language")
rejects(lambda c: c["letters"]["en"].update(body=[]), "empty body")
rejects(lambda c: c.update(deadline="16 June 2023"), "bad date")
rejects(lambda c: c["targets"][0].update(id="The President"), "bad target id")
print("schema OK")
