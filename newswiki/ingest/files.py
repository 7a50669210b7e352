"""Which entries of ``seeds/`` are read, and reading one without surprises.

Only regular ``*.txt`` files directly in ``seeds/`` are read. A symlink is
followed only to a regular file inside the project (the seeds folder's parent);
devices, FIFOs and sockets are refused from ``lstat``/``stat`` without being
opened, and the size limit is checked before reading. Every other entry gets a
message; hidden entries (``.gitkeep``) are left alone without one.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from ..model import Problem
from .decode import SourceError

SUFFIX = ".txt"
_KINDS = {
    stat.S_IFDIR: "a folder", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket",
}
_SHOWN = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_name(name: str) -> str:
    """A file name as messages and pages show it: control, format (zero-width, bidi),
    line-separator and undecodable characters as visible escapes (``\\n``, ``\\u202e``,
    ``\\xff``), so a name can inject no line, markup or reordering anywhere."""
    out = []
    for c in name:
        if c in _SHOWN:
            out.append(_SHOWN[c])
        elif 0xDC80 <= ord(c) <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        elif unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return "".join(out)


def seed_files(seeds: Path, max_bytes: int) -> tuple[list[Path], list[Problem]]:
    """The files of ``seeds`` to read, in name order, and a Problem for each entry refused."""
    root = seeds.resolve().parent
    paths, problems = [], []
    for entry in sorted(os.scandir(seeds), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if why := _refusal(path, root, max_bytes):
            problems.append(Problem(display_name(entry.name), "error", f"{why}; skipped"))
        else:
            paths.append(path)
    return paths, problems


def _refusal(path: Path, root: Path, max_bytes: int) -> str:
    """Why ``path`` is not read, or ""; decided from its ``lstat`` (and its target's ``stat``)."""
    try:
        st = os.lstat(path)
        what = ""
        if stat.S_ISLNK(st.st_mode):
            target = path.resolve()
            if not target.is_relative_to(root):
                return f"a symlink to {display_name(str(target))}, outside the project; not followed"
            st, what = os.stat(target), "a symlink to "
    except (OSError, RuntimeError) as exc:  # vanished, dangling, or a symlink loop
        return f"cannot be read ({getattr(exc, 'strerror', None) or exc})"
    if stat.S_ISDIR(st.st_mode):
        return f"{what}a folder; only files directly in the seeds folder are read"
    if not stat.S_ISREG(st.st_mode):
        return f"{what}{_KINDS.get(stat.S_IFMT(st.st_mode), 'not a regular file')}, not a text file; not opened"
    if path.suffix != SUFFIX:
        return f"not a {SUFFIX} file; only {SUFFIX} files are read"
    return _too_big(st.st_size, max_bytes)


def _too_big(size: int, max_bytes: int) -> str:
    if size <= max_bytes:
        return ""
    return (
        f"a file of {size / 1e6:,.1f} MB, over the {max_bytes / 2**20:g} MiB limit for an article "
        "(a news article is a few KB; a larger file is not one, and reading it would cost memory and time)"
    )


def read_seed(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file. The check is repeated on the open descriptor
    (opened non-blocking, so even a FIFO put in its place cannot hang the build)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        raise SourceError(f"cannot open file ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{_KINDS.get(stat.S_IFMT(st.st_mode), 'not a regular file')}, not a text file")
        if why := _too_big(st.st_size, max_bytes):
            raise SourceError(why)
        data = f.read(max_bytes + 1)
    if why := _too_big(len(data), max_bytes):
        raise SourceError(why)
    return data
