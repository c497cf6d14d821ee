#!/usr/bin/env python3
"""Validate clearcast result files against schemas/result.schema.json (JSON Schema draft 2020-12).

Usage: python3 schemas/validate.py [--schema PATH] RESULT.json [RESULT.json ...]

Exit status: 0 when every file is valid, 1 when any file is invalid (each error is printed to
stderr with its JSON path), 2 when the files or schema cannot be read or `jsonschema` is missing.
"""
import json
import os
import sys


def main(argv):
    try:
        import jsonschema
    except ImportError:
        print("error: the Python package 'jsonschema' is missing; install it with "
              "'pip install jsonschema' or 'apt-get install python3-jsonschema'", file=sys.stderr)
        return 2

    args = list(argv[1:])
    schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "result.schema.json")
    if len(args) >= 2 and args[0] == "--schema":
        schema_path = args[1]
        args = args[2:]
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2

    try:
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        print(f"error: cannot use the schema '{schema_path}': {error}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)

    status = 0
    for path in args:
        try:
            with open(path, encoding="utf-8") as handle:
                instance = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: error: cannot read JSON: {error}", file=sys.stderr)
            status = max(status, 2)
            continue
        errors = precise_errors(validator, schema, instance)
        if errors:
            status = max(status, 1)
            for error in errors:
                where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
                print(f"{path}: invalid at {where}: {error.message}", file=sys.stderr)
        else:
            print(f"{path}: valid ({instance.get('kind', '?')})")
    return status


def precise_errors(validator, schema, instance):
    """The errors against the branch named by `kind`, so that a `oneOf` failure says what is wrong."""
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if not errors:
        return []
    branches = {"score": "scoreResult", "simulate": "simulationResult", "compare": "comparisonResult"}
    kind = instance.get("kind") if isinstance(instance, dict) else None
    if kind in branches:
        branch = dict(schema["$defs"][branches[kind]])
        branch["$defs"] = schema["$defs"]
        specific = type(validator)(branch)
        detailed = sorted(specific.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if detailed:
            return detailed
    return errors


if __name__ == "__main__":
    sys.exit(main(sys.argv))
