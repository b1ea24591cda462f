#!/usr/bin/env python3
"""No function of the program is longer than the limit (150 lines).

The project follows GTK's coding style, where a function's body opens with
'{' alone in column 0 and closes with '}' alone in column 0, so a function is
found without parsing C. Tests and benchmarks may be longer: they read as
scripts. Prints each offender as FILE:LINE: NAME is N lines.
"""
import pathlib
import re
import sys

LIMIT = 150
LAYERS = ("core", "cli", "widgets", "app")
NAME = re.compile(r"^\**([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    start = None
    for number, line in enumerate(lines, 1):
        if line == "{":
            start = number
        elif line.startswith("}") and start is not None and not line.startswith("};"):
            name = "?"
            # The name stands on one of the lines above the brace.
            for back in range(start - 2, max(start - 12, -1), -1):
                match = NAME.match(lines[back])
                if match:
                    name = match.group(1)
                    break
            yield name, start, number - start + 1
            start = None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    offenders = []
    for layer in LAYERS:
        for path in sorted((root / layer).glob("*.c")):
            for name, line, length in functions(path):
                if length > LIMIT:
                    offenders.append(f"{path.relative_to(root)}:{line}: {name} is {length} lines")
    for offender in offenders:
        print(offender)
    if offenders:
        print(f"{len(offenders)} functions over {LIMIT} lines: split them at their seams")
        return 1
    print(f"every function in {', '.join(LAYERS)} is at most {LIMIT} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
