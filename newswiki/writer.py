"""Write the generated part of ``docs/`` as one transaction; hand-written files are never moved.

The build owns the pages that carry its generator marker and the other files
listed in ``docs/.newswiki-manifest``. Everything else under ``docs/`` is
hand-written: it is never written over, moved or deleted.

New output is assembled in a staging folder beside ``docs/`` (``new/``); the
staging copy of the manifest, written last, marks it complete. The swap then
renames generated files only: each old version to the staging folder's
``old/``, each new one into place, stale ones to ``old/``. Moving the manifest
into ``docs/`` commits. A failure before that is rolled back at once; a build
killed before it leaves its staging folder, which the next write rolls back
(restoring the old versions) before it starts, so ``docs/`` is again exactly
the previous build's output. Writers of one ``docs/`` take turns: ``flock`` on
the folder itself, so a second build waits, and a killed one never holds it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .render.text import is_generated

MANIFEST = ".newswiki-manifest"


Content = str | bytes | Callable[[Path], None]  # a function writes a large file at the path it is given


def write_docs(
    docs: Path, files: Mapping[str, Content] | Iterable[tuple[str, Content]], log: Callable[[str], None] = lambda _: None
) -> list[str]:
    """Write ``files`` (docs-relative path -> content, or such pairs as they are rendered; a
    later pair for a path wins) into ``docs``; return warnings."""
    docs.mkdir(parents=True, exist_ok=True)
    with _locked(docs, log):
        for leftover in sorted(docs.parent.glob(_prefix(docs) + "*")):
            log(f"recovering from an interrupted build: {leftover.name} rolled back")
            _recover(docs, leftover)
        owned = _owned(docs)
        warnings: list[str] = []
        new: set[str] = set()
        staging = Path(tempfile.mkdtemp(prefix=_prefix(docs), dir=docs.parent))
        try:
            for rel, content in files.items() if isinstance(files, Mapping) else files:
                if rel not in new and (docs / rel).exists() and not _ours(docs, rel, owned):
                    warnings.append(f"docs/{rel} is hand-written; the generated page was not written over it")
                    continue
                new.add(rel)
                path = staging / "new" / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    path.write_bytes(content)
                elif isinstance(content, str):
                    path.write_text(content, encoding="utf-8", newline="\n")
                else:
                    path.unlink(missing_ok=True)
                    content(path)
            stale = sorted(rel for rel in owned if rel not in new and (docs / rel).is_file() and _ours(docs, rel, owned))
            (staging / MANIFEST).write_text("".join(f"{rel}\n" for rel in sorted(new)), encoding="utf-8")
            _swap(docs, staging, sorted(new), stale)
        except BaseException:  # an error or Ctrl-C: roll back now (a kill: the next write does)
            _recover(docs, staging)
            raise
        _discard(staging)
        _prune(docs, stale)
    return warnings


def _prefix(docs: Path) -> str:
    return f".{docs.name}-staging-"


def _owned(docs: Path) -> set[str]:
    path = docs / MANIFEST
    return set(path.read_text(encoding="utf-8").split("\n")) - {""} if path.exists() else set()


def _ours(docs: Path, rel: str, owned: set[str]) -> bool:
    """A page is the build's while it carries the generator marker (a person may have
    replaced it); other files are the build's when the manifest lists them."""
    path = docs / rel
    if path.suffix == ".md":
        return is_generated(path.read_text(encoding="utf-8", errors="replace"))
    return rel in owned


def _move(src: Path, dst: Path) -> None:
    """One step of a swap or a rollback: a rename within one file system."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    os.replace(src, dst)


def _swap(docs: Path, staging: Path, new: list[str], stale: list[str]) -> None:
    for rel in new:
        if (docs / rel).exists():
            _move(docs / rel, staging / "old" / rel)
        _move(staging / "new" / rel, docs / rel)
    for rel in stale:
        _move(docs / rel, staging / "old" / rel)
    _move(staging / MANIFEST, docs / MANIFEST)  # the commit


def _recover(docs: Path, staging: Path) -> None:
    """Undo an uncommitted swap from what is on disk, then drop the staging folder.

    Every step can be repeated, so a rollback that is itself killed is finished
    by the next one. Without its manifest the staging folder was either never
    complete (``docs/`` untouched) or committed: it holds nothing to restore.
    """
    manifest = staging / MANIFEST
    if manifest.exists():
        placed = [rel for rel in manifest.read_text(encoding="utf-8").split("\n") if rel]
        for rel in placed:  # new files in place go back to new/ (unless a person has taken them over)
            if not (staging / "new" / rel).exists() and (docs / rel).exists() and _ours(docs, rel, {rel}):
                _move(docs / rel, staging / "new" / rel)
        old = staging / "old"
        restored = sorted(p.relative_to(old).as_posix() for p in old.rglob("*") if p.is_file()) if old.is_dir() else []
        for rel in restored:  # old versions back in place, where nobody has put a file since
            if not (docs / rel).exists():
                _move(old / rel, docs / rel)
        _prune(docs, placed)
    _discard(staging)


def _discard(staging: Path) -> None:
    """Remove a staging folder, its manifest first: a half-removed folder must not look complete."""
    (staging / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _prune(docs: Path, rels: list[str]) -> None:
    """Remove the folders that removing ``rels`` left empty."""
    for folder in sorted({(docs / rel).parent for rel in rels}, key=lambda p: -len(p.parts)):
        while folder != docs and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


@contextmanager
def _locked(docs: Path, log: Callable[[str], None]) -> Iterator[None]:
    fd = os.open(docs, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"waiting: another build is writing {docs}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
