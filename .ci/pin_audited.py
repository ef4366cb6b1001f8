"""`make lock`, after `uv pip compile`: keep only the audited hashes, and write the uv bootstrap lock.

    python .ci/pin_audited.py requirements.lock requirements-audited.txt requirements-uv.lock

uv lists every file of a pinned version (wheels and sdist). For the packages in requirements-audited.txt the
lock keeps only the audited hashes; if uv did not find an audited hash at all, the registry's file is not the
one that was audited and the lock is refused. requirements-uv.lock is the lock's own `uv` entry, so that
`make setup` can install uv with pip (hash-checked) before uv installs everything else.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
HASH = re.compile(r"--hash=(sha256:[0-9a-f]{64})")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def blocks(lines: list[str]) -> list[list[str]]:
    """The lock split into entries: a `name==version` line with its hash and comment lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if ENTRY.match(line):
            out.append([])
        out[-1].append(line)
    return out


def audited(path: Path) -> dict[str, tuple[str, set[str]]]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = ENTRY.match(line)
        if m:
            pins[norm(m.group(1))] = (m.group(2), set(HASH.findall(line)))
    return pins


def pin(block: list[str], version: str, hashes: set[str]) -> list[str]:
    name, got = ENTRY.match(block[0]).groups()  # type: ignore[union-attr]
    found = {h for line in block for h in HASH.findall(line)}
    if got != version or not hashes & found:
        sys.exit(f"pin_audited: {name}=={got} in the lock has none of the audited hashes of {version}")
    head = block[0].split("\\")[0].rstrip()
    keep = sorted(hashes & found)
    hash_lines = [f"    --hash={h}" + (" \\" if i < len(keep) - 1 else "") for i, h in enumerate(keep)]
    comments = [line for line in block[1:] if line.lstrip().startswith("#")]
    return [head + " \\", *hash_lines, *comments]


def main(lock: str, audited_file: str, uv_lock: str) -> int:
    pins = audited(Path(audited_file))
    out, uv_entry, seen = [], [], set()
    for block in blocks(Path(lock).read_text(encoding="utf-8").splitlines()):
        m = ENTRY.match(block[0]) if block else None
        name = norm(m.group(1)) if m else ""
        if name in pins:
            block = pin(block, *pins[name])
            seen.add(name)
        if name == "uv":
            uv_entry = [line for line in block if not line.lstrip().startswith("#")]
        out.extend(block)
    if missing := set(pins) - seen:
        sys.exit(f"pin_audited: audited packages missing from the lock: {', '.join(sorted(missing))}")
    if not uv_entry:
        sys.exit("pin_audited: the lock has no uv entry (is uv among the lock's tool requirements?)")
    Path(lock).write_text("\n".join(out) + "\n", encoding="utf-8")
    header = "# uv for `make setup`, the same pin and hashes as in requirements.lock (written by `make lock`).\n"
    Path(uv_lock).write_text(header + "\n".join(uv_entry) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
