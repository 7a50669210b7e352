"""Benchmark: build synthetic corpora of 5, 100 and 1,000 articles and print a table,
then the largest with --jobs 1 and --jobs 2 (time, identical output) and incrementally.

Articles are made by recombining paragraphs of the seeds with other districts,
names and numbers (so that duplicate detection does not hide the work). Each
build runs in its own process, so peak memory is that build's own. Last, each
pathological file (one sentence 20,000 times, 100,000 characters without
punctuation, 10,000 numbers in one sentence) is built alone: each must finish
in under 5 s, what is over the story limits cut and reported.

    python scripts/bench.py [--sizes 5 100 1000] [--keep DIR] [--pathological]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newswiki.ingest import ingest_dir  # noqa: E402

DISTRICTS = ["江夏区", "东湖高新区", "汉阳区", "洪山区", "武昌区", "硚口区", "江岸区", "东西湖区", "蔡甸区", "黄陂区", "新洲区", "汉南区"]
SYLLABLES = "楠姆锦鲤星云启航汇智融创鼎新盛达博远华晟瑞泽恒通嘉禾明珠天元九州长青"
PROPER = ["楠姆", "青云智粒", "海亮", "康恩贝", "万洋", "疏能", "弗顿", "际数", "利楚", "乐创"]
CHILD = """
import json, resource, sys, time
from pathlib import Path
from newswiki.build import build
report = build(Path(sys.argv[1]), Path(sys.argv[2]), cache_dir=Path(sys.argv[3]) if sys.argv[3] != "-" else None, jobs=int(sys.argv[4]))
print(json.dumps({"timings": report.timings, "stories": report.stories, "extracted": report.stories_extracted,
                  "entities": len(report.kb.entities), "files": report.files, "skipped": len(report.skipped),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


SENTENCE = "青山区科技局发布政策，支持企业创新，新建产业园区投资10亿元。"
RUN = "青山区科技局发布政策支持企业创新新建产业园区投资亿元"
PATHOLOGICAL = {
    "one sentence x 20,000": "重复的新闻\n\n" + SENTENCE * 20_000 + "\n",
    "100,000 characters without punctuation": "没有标点的新闻\n\n" + (RUN * 4_000)[:100_000] + "\n",
    "10,000 numbers in one sentence": "数字新闻\n\n青山区科技局介绍，" + "，".join(f"青山区产值{i}.5亿元" for i in range(10_000)) + "。\n",
}
PATHOLOGICAL_BUDGET = 5.0  # seconds for the whole build process


def paragraphs() -> list[str]:
    articles, _ = ingest_dir(ROOT / "seeds")
    return [b.text for a in articles for s in a.stories if s.relevant for b in s.paragraphs if len(b.text) > 30]


def article(i: int, pool: list[str]) -> str:
    rng = random.Random(i)
    district = DISTRICTS[i % len(DISTRICTS)]
    names = {p: "".join(rng.sample(SYLLABLES, len(p))) for p in PROPER}

    def rewrite(text: str) -> str:
        text = text.replace("青山区", district).replace("青山", district[:-1])
        for old, new in names.items():
            text = text.replace(old, new)
        return re.sub(r"\d+(?:\.\d+)?", lambda m: _number(m.group(), rng), text)

    body = [rewrite(p) for p in rng.sample(pool, rng.randint(8, 16))]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    title = f"{district}推进科技创新与产业升级（第{i + 1}期）"
    lead = f"{month}月{day}日，{district}召开2025年科技创新大会，一批项目集中签约。"
    caption = f"\n\n\n\n{district}科技创新大会现场。\n\n通讯员{names['楠姆']} 摄\n\n\n\n"
    return f"\n\n{title}\n\n{lead}\n\n" + "\n\n".join(body[:4]) + caption + "\n\n".join(body[4:]) + "\n"


def _number(text: str, rng: random.Random) -> str:
    if len(text) == 4 and text.startswith("20"):
        return text  # keep years
    value = float(text) * rng.uniform(0.5, 1.5)
    return f"{value:.1f}" if "." in text else str(max(1, round(value)))


def make_corpus(n: int, folder: Path, pool: list[str]) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"{i:04d}_synthetic.txt").write_text(article(i, pool), encoding="utf-8")


def project(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    (folder / "newswiki").mkdir()
    shutil.copy(ROOT / "newswiki" / "mkdocs_hooks.py", folder / "newswiki" / "mkdocs_hooks.py")
    return folder


def run_build(folder: Path, cache: str, docs: str = "docs", jobs: int = 1) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder / "seeds"), str(folder / docs), cache, str(jobs)],
        capture_output=True, text=True, check=True, cwd=folder,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_mkdocs(folder: Path) -> tuple[float, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
        capture_output=True, text=True, cwd=folder, env=env,
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return time.perf_counter() - started, int(out.stderr.strip().splitlines()[-1]) / 1024


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def jobs_line(folder: Path, n: int) -> str:
    """Clean builds with --jobs 1 and --jobs 2 of the same corpus: time and identical output."""
    runs = {jobs: run_build(folder, "-", f"docs-jobs{jobs}", jobs) for jobs in (1, 2)}
    same = tree(folder / "docs-jobs1") == tree(folder / "docs-jobs2")
    cells = ", ".join(
        f"--jobs {j}: our stages {sum(r['timings'].values()):.2f}s (extract {r['timings']['extract']:.2f}s)" for j, r in runs.items()
    )
    return f"{n} articles, {cells}; identical docs/: {'yes' if same else 'NO'}"


def pathological(base: Path) -> bool:
    """Build each pathological file alone, in its own process; print a line each; all in budget?"""
    ok = True
    for i, (label, text) in enumerate(PATHOLOGICAL.items()):
        folder = base / f"pathological-{i}"
        (folder / "seeds").mkdir(parents=True)
        (folder / "seeds" / "pathological.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        r = run_build(folder, "-")
        wall = time.perf_counter() - started
        ok &= wall < PATHOLOGICAL_BUDGET
        stages = ", ".join(f"{s} {t:.2f}" for s, t in r["timings"].items())
        print(
            f"pathological, {label} ({len(text):,} characters): {wall:.2f}s for the whole build process "
            f"(budget {PATHOLOGICAL_BUDGET:.0f}s; stages {stages}); {r['skipped']} cut by the limits and reported"
        )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000])
    parser.add_argument("--keep", type=Path, help="keep the corpora and sites in this folder")
    parser.add_argument("--pathological", action="store_true", help="only the pathological files (exit 1 over budget)")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="newswiki-bench-"))
    if args.pathological:
        ok = pathological(base)
        if not args.keep:
            shutil.rmtree(base)
        raise SystemExit(0 if ok else 1)
    pool = paragraphs()
    stages = ("ingest", "segment", "extract", "resolve", "render", "write")
    print(f"| articles | stories | entities | pages | {' | '.join(stages)} | ours total | per article | mkdocs build | ours / mkdocs | peak MB (ours / mkdocs) |")
    print("| --: " * (9 + len(stages)) + "|")
    for n in args.sizes:
        folder = project(base / f"corpus-{n}")
        make_corpus(n, folder / "seeds", pool)
        r = run_build(folder, "-")
        ours = sum(r["timings"][s] for s in stages)
        mk, mk_mb = run_mkdocs(folder)
        cells = " | ".join(f"{r['timings'][s]:.2f}" for s in stages)
        print(
            f"| {n} | {r['stories']} | {r['entities']} | {r['files']} | {cells} | {ours:.2f} | {1000 * ours / n:.1f} ms "
            f"| {mk:.1f} | {ours / mk:.2f} | {r['peak_mb']:.0f} / {mk_mb:.0f} |"
        )
    n = max(args.sizes)
    folder = base / f"corpus-{n}"
    print(f"\n{jobs_line(folder, n)}")
    cache = str(folder / "cache")
    cold = run_build(folder, cache)
    (folder / "seeds" / f"{n:04d}_synthetic.txt").write_text(article(n, pool), encoding="utf-8")
    warm = run_build(folder, cache)
    total = sum(warm["timings"].values())
    print(
        f"\nincremental, one article added to {n}: {warm['extracted']} story extracted "
        f"(cold cached build: {cold['extracted']}), our stages {total:.2f}s "
        f"(ingest {warm['timings']['ingest']:.2f}, segment {warm['timings']['segment']:.2f}, "
        f"extract {warm['timings']['extract']:.2f}, render {warm['timings']['render']:.2f}, write {warm['timings']['write']:.2f})"
    )
    print()
    pathological(base)
    if not args.keep:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
