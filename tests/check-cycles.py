#!/usr/bin/env python3
"""No cycles between source files: if a.c calls b.c, b.c does not call a.c
(directly or round a longer loop).

Functions are found in GTK's style, where a definition puts the function's
name at the start of a line followed by " (" (static ones are private to
their file and ignored); a file depends on another when it calls a function
the other defines. A class and its actions (NAME.c and NAME-actions.c,
sharing NAME-private.h, as GNOME Text Editor splits its window) are one
unit. Prints each cycle with one call that closes it.
"""
import pathlib
import re
import sys

LAYERS = ("core", "cli", "widgets", "app")
DEFINITION = re.compile(r"^([a-z_][a-z0-9_]*) \(", re.M)
CALL = re.compile(r"\b([a-z_][a-z0-9_]*)\s*\(")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\])*\"", re.S)


def strongly_connected(graph):
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def unit(name):
    return name[: -len("-actions.c")] + ".c" if name.endswith("-actions.c") else name


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    texts, owner = {}, {}
    for layer in LAYERS:
        for path in sorted((root / layer).glob("*.c")):
            name = unit(str(path.relative_to(root)))
            text = COMMENT.sub(" ", path.read_text(encoding="utf-8"))
            texts[name] = texts.get(name, "") + text
            for match in DEFINITION.finditer(text):
                before = text[:match.start()].rstrip().rsplit("\n", 1)[-1]
                if not before.startswith("static"):
                    owner.setdefault(match.group(1), unit(name))
    graph, witness = {}, {}
    for name, text in texts.items():
        for match in CALL.finditer(text):
            callee = owner.get(match.group(1))
            if callee is not None and callee != name:
                graph.setdefault(name, set()).add(callee)
                witness.setdefault((name, callee), match.group(1))
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    for cycle in cycles:
        print("cycle: " + " <-> ".join(cycle))
        for a in cycle:
            for b in cycle:
                if (a, b) in witness:
                    print(f"  {a} calls {witness[(a, b)]}() of {b}")
    if cycles:
        print(f"{len(cycles)} cycles between source files: move the shared piece to a file both use")
        return 1
    print(f"no cycles among {len(texts)} source files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
