"""Incremental builds: ingest results per file and mentions per story, on disk.

Keys include ``PIPELINE_VERSION``, a hash of the package's code and lexicon, so
a changed rule invalidates everything it could have affected. A cached result is
the very object a clean build computes, so incremental output equals clean output.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@cache
def pipeline_version() -> str:
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.glob("lexicon/*.txt")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(pipeline_version().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(part if isinstance(part, bytes) else part.encode())
    return digest.hexdigest()


class Cache:
    """Pickled values under ``root``; a missing or unreadable entry is a miss."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = self.misses = 0

    def get(self, name: str):
        if self.root is None:
            self.misses += 1
            return None
        try:
            with open(self.root / name[:2] / name, "rb") as f:
                value = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def has(self, name: str) -> bool:
        return self.root is not None and (self.root / name[:2] / name).is_file()

    def put(self, name: str, value) -> None:
        if self.root is None:
            return
        folder = self.root / name[:2]
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
