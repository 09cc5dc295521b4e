#!/usr/bin/env python3
"""Validates scenario files against the JSON Schema `funnelcast schema` prints.

    scripts/check-schema.py SCHEMA.json FILE.yaml [FILE.yaml ...]

Prints one line per file, "valid FILE" or "invalid FILE: field.path: why",
and exits 0 when every file is valid, 1 when one is not, 2 on a usage
problem, 77 when Python's jsonschema or PyYAML is missing (the tests skip).

YAML is read as editors with YAML language support read it: dates stay
text (2027-01-04 is the string "2027-01-04"), since the schema describes
them as text.
"""
import json
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"check-schema: {e.name} is missing (pip install jsonschema PyYAML)", file=sys.stderr)
    sys.exit(77)


class Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates stay strings."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    ok = True
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                data = yaml.load(f, Loader=Loader)
        except (OSError, yaml.YAMLError) as e:
            print(f"invalid {path}: cannot read: {e}".replace("\n", " "))
            ok = False
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            ok = False
            e = errors[0]
            where = ".".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"invalid {path}: {where}: {e.message}"[:300].replace("\n", " "))
        else:
            print(f"valid {path}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
