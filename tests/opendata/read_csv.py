"""Reads a CSV file with Python's own csv module, an independent parser, and prints what it
read as JSON: {"header": [...], "rows": [[...], ...], "lines": physical lines}. The file is
UTF-8, with or without a byte order mark.

    python3 tests/opendata/read_csv.py <file> [<delimiter>]     (default: ",")

Used by tests/e2e/explore.test.mjs on the explorer's download (standard library only)."""

import csv
import json
import sys


def read(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    records = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True))
    lines = text.count("\r\n") if text.endswith("\r\n") else len(text.splitlines())
    return {"header": records[0] if records else [], "rows": records[1:], "lines": lines}


if __name__ == "__main__":
    print(json.dumps(read(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ",")))
