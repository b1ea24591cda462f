#!/usr/bin/env python3
"""Sums up a meson test log as the README promises: one line "N passed, N failed".

Every g_test case counts, not only every binary: a TAP test binary reports
"ok N" / "not ok N" per case.  A binary that crashed, timed out or failed
without printing a "not ok" line still counts as one failure, so a crash can
never look like a pass.  Exits non-zero on any failure or when nothing ran.
"""

import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b[^#]*(#\s*(\w+))?", re.IGNORECASE)
GOOD_RESULTS = {"OK", "SKIP", "EXPECTEDFAIL"}


def count_tap(stdout):
    passed = failed = skipped = 0
    for line in stdout.splitlines():
        match = TAP_LINE.match(line.strip())
        if not match:
            continue
        directive = (match.group(3) or "").upper()
        if directive == "SKIP":
            skipped += 1
        elif match.group(1).lower() == "ok" or directive == "TODO":
            passed += 1
        else:
            failed += 1
    return passed, failed, skipped


def main(path):
    passed = failed = skipped = 0
    failures = []
    try:
        with open(path, encoding="utf-8") as log:
            entries = [json.loads(line) for line in log if line.strip()]
    except (OSError, ValueError) as error:
        print(f"cannot read the test log {path}: {error}")
        print("0 passed, 1 failed")
        return 1

    for entry in entries:
        name = entry.get("name", "?")
        result = entry.get("result", "ERROR")
        if entry.get("protocol", "").lower() == "tap" or "1.." in entry.get("stdout", ""):
            p, f, s = count_tap(entry.get("stdout") or "")
        else:
            p, f, s = (1, 0, 0) if result == "OK" else ((0, 0, 1) if result == "SKIP" else (0, 1, 0))
        if result not in GOOD_RESULTS and f == 0:
            f = 1  # crashed, timed out or exited non-zero after its last "ok"
        passed += p
        failed += f
        skipped += s
        if f:
            failures.append(f"{name} ({result})")

    for failure in failures:
        print(f"FAILED: {failure}")
    if skipped:
        print(f"{skipped} skipped")
    if passed + failed == 0:
        print("no test ran")
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/meson-logs/testlog.json"))
