"""Watch mode: rebuild docs/ when seeds/ changes while ``mkdocs serve`` reloads the site."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .build import build

POLL_SECONDS = 1.0


def snapshot(seeds: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every entry of ``seeds``, to notice additions, edits and removals
    (``lstat``: a dangling symlink or a FIFO is an entry like any other)."""
    return {e.name: (e.stat(follow_symlinks=False).st_size, e.stat(follow_symlinks=False).st_mtime_ns) for e in os.scandir(seeds)}


def watch(seeds: Path, docs: Path, cache_dir: Path, log: Callable[[str], None], addr: str) -> int:
    build(seeds, docs, log, cache_dir)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", addr], env=env)
    seen = snapshot(seeds)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(seeds)
            if now != seen:
                log(f"seeds changed: {sorted(set(now) ^ set(seen)) or 'edited files'}; rebuilding")
                try:
                    build(seeds, docs, log, cache_dir)
                except Exception as exc:  # keep serving the last good docs/
                    log(f"error: rebuild failed, docs/ left as it was: {exc}")
                seen = now
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return server.returncode or 0
