"""Replace the generated part of ``docs/`` in one step, leaving hand-written files alone.

The build owns the pages that carry its generator marker and the other files
listed in ``docs/.newswiki-manifest``. Everything else under ``docs/`` is
hand-written: it is never overwritten or deleted. New output is assembled in a
staging folder first, so a failure before the swap leaves ``docs/`` as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .render.text import is_generated

MANIFEST = ".newswiki-manifest"
STAGING_PREFIX = ".docs-staging-"


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


def write_docs(docs: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write ``files`` (docs-relative path -> text or bytes) into ``docs``; return warnings."""
    docs.mkdir(parents=True, exist_ok=True)
    for leftover in docs.parent.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
    owned = _owned(docs)
    warnings = []
    new = {}
    for rel, text in files.items():
        if (docs / rel).exists() and not _ours(docs, rel, owned):
            warnings.append(f"docs/{rel} is hand-written; the generated page was not written over it")
        else:
            new[rel] = text
    stale = {rel for rel in owned if rel not in new and (docs / rel).is_file() and _ours(docs, rel, owned)}

    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=docs.parent))
    try:
        folders = {rel.split("/", 1)[0] for rel in (*new, *stale) if "/" in rel}
        for folder in folders:  # keep the hand-written files of generated folders
            src = docs / folder
            if src.is_dir():
                for f in src.rglob("*"):
                    rel = f.relative_to(docs).as_posix()
                    if f.is_file() and rel not in new and not _ours(docs, rel, owned):
                        dst = staging / rel
                        dst.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(f, dst)
        for rel, text in new.items():
            dst = staging / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                dst.write_bytes(text)
            else:
                dst.write_text(text, encoding="utf-8", newline="\n")
        (staging / MANIFEST).write_text("".join(f"{rel}\n" for rel in sorted(new)), encoding="utf-8")

        # swap: folders by rename, root files by replace, the manifest last
        trash = staging / ".old"
        trash.mkdir()
        for folder in sorted(folders):
            if (docs / folder).exists():
                (docs / folder).rename(trash / folder)
            if (staging / folder).exists():
                (staging / folder).rename(docs / folder)
        for rel in sorted(new):
            if "/" not in rel:
                (staging / rel).replace(docs / rel)
        for rel in sorted(stale):
            if "/" not in rel:
                (docs / rel).unlink()
        (staging / MANIFEST).replace(docs / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return warnings
