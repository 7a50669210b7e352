"""Benchmark: build synthetic corpora of 5, 100 and 1,000 articles and print a table,
then the largest with --jobs 1 and --jobs 2 (time, identical output), incrementally (one
article added: our stages and the whole `make site`, mkdocs included), and its search in
Chromium.

Articles are made by recombining paragraphs of the seeds with other districts,
names and numbers (so that duplicate detection does not hide the work). Each
build runs in its own process, so peak memory is that build's own. Last, each
pathological file (one sentence 20,000 times, 100,000 characters without
punctuation, 10,000 numbers in one sentence) is built alone: each must finish
in under 5 s, what is over the story limits cut and reported.

The search benchmark types each query of tests/search_queries.yaml and the names of 20
entities into a freshly opened site (empty browser cache) and measures what the search
fetched before the first result (its worker and index files) and the time from typing
to the first result; for a name, whether the entity's page ranks above every story page.
`--search-site DIR` runs it alone on a built site (an older build, say); with
`--pagefind BINARY`, Pagefind indexes that site and answers the same queries instead
(hit@5 is counted when the site is the seeds').

    python scripts/bench.py [--sizes 5 100 1000] [--keep DIR] [--skip jobs incremental search pathological]
    python scripts/bench.py --pathological
    python scripts/bench.py --search-site DIR [--pagefind BINARY]
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

import yaml  # noqa: E402

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
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    (folder / "newswiki").mkdir()
    shutil.copy(ROOT / "newswiki" / "mkdocs_hooks.py", folder / "newswiki" / "mkdocs_hooks.py")
    return folder


def megabytes(path: Path) -> float:
    return (sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size) / 1e6


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


SEARCH_QUERIES = ROOT / "tests" / "search_queries.yaml"
NAMES = 20  # entity names typed at the largest corpus
PAGEFIND_PAGE = "pagefind-bench.html"


def names(docs: Path) -> dict[str, str]:
    """Names of entities spread over the knowledge base, with their page's site path."""
    entities = [e for e in json.loads((docs / "data" / "kb.json").read_text(encoding="utf-8"))["entities"] if e["type"] != "metric"]
    step = max(1, len(entities) // NAMES)
    return {e["name"]: e["page"].removesuffix(".md") for e in entities[::step][:NAMES]}


def search_bench(site: Path, queries: dict[str, str | None], pagefind: str | None = None) -> list[dict]:
    """Each query typed into the freshly opened site (its browser cache emptied): bytes the
    search fetched from opening the page to the first result, milliseconds from typing to
    it, the result pages, and whether the expected page is in the top five."""
    from newswiki.browse import browser

    if pagefind:
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        subprocess.run([pagefind, "--site", str(site)], check=True, capture_output=True)
        (site / PAGEFIND_PAGE).write_text(
            '<!doctype html><meta charset="utf-8"><script type="module">'
            'window.pagefind = await import("./pagefind/pagefind.js"); await pagefind.init(); window.ready = true;</script>',
            encoding="utf-8",
        )
    rows = []
    with browser(site) as b:
        cdp = b.page.context.new_cdp_session(b.page)
        for query, expected in queries.items():
            cdp.send("Network.clearBrowserCache")
            start = len(b.fetched)
            if pagefind:
                b.open(PAGEFIND_PAGE)
                b.page.wait_for_function("() => window.ready")
                ms, urls = b.page.evaluate(
                    "async q => { const t = performance.now(); const found = await pagefind.search(q);"
                    " const shown = await Promise.all(found.results.slice(0, 5).map(r => r.data()));"
                    " return [performance.now() - t, shown.map(d => d.url)]; }", query)
                top = [b.site_path(u) for u in urls]
            else:
                b.open()
                box = b.page.locator("input.md-search__input")
                box.click()
                b.page.evaluate("() => { document.querySelector('.md-search-result__meta').textContent = ''; }")
                started = time.perf_counter()
                box.fill(query)
                box.press("End")
                b.page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''", timeout=300_000)
                ms = 1000 * (time.perf_counter() - started)
                links = b.page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
                top = list(dict.fromkeys(b.site_path(h) for h in links))
            rows.append({"query": query, "expected": expected, "kb": b.search_bytes(start) / 1000, "ms": ms, "top": top})
    if pagefind:
        (site / PAGEFIND_PAGE).unlink()
    return rows


def search_lines(rows: list[dict], entity: set[str]) -> list[str]:
    """A row per query, then medians and maxima, hit@5 and names whose page beats every story."""
    out = ["| query | KB before the first result | ms to the first result | first result |", "| --- | --: | --: | --- |"]
    out += [f"| {r['query']} | {r['kb']:.0f} | {r['ms']:.0f} | {(r['top'] or ['—'])[0]} |" for r in rows]
    kb, ms = sorted(r["kb"] for r in rows), sorted(r["ms"] for r in rows)
    out.append(f"\n{len(rows)} queries: KB before the first result median {kb[len(kb) // 2]:.0f}, max {kb[-1]:.0f}; "
               f"ms to the first result median {ms[len(ms) // 2]:.0f}, max {ms[-1]:.0f}")
    if hits := [r for r in rows if r["query"] not in entity and r["expected"] in [p.strip("/") for p in r["top"][:5]]]:
        cases = [r for r in rows if r["query"] not in entity]
        out.append(f"hit@5 of the query set: {len(hits) / len(cases):.3f} ({len(hits)}/{len(cases)})")
    named = [r for r in rows if r["query"] in entity]
    if named:
        first = [r for r in named if r["expected"] in r["top"] and not any(
            p.startswith("sources/") for p in r["top"][: r["top"].index(r["expected"])])]
        out.append(f"names whose entity page ranks above every story page: {len(first)}/{len(named)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000])
    parser.add_argument("--keep", type=Path, help="keep the corpora and sites in this folder")
    parser.add_argument("--skip", nargs="+", default=[], choices=["jobs", "incremental", "search", "pathological"],
                        help="parts left out after the table (the largest corpus makes each take long)")
    parser.add_argument("--pathological", action="store_true", help="only the pathological files (exit 1 over budget)")
    parser.add_argument("--search-site", type=Path, metavar="DIR", help="only the search benchmark, on this built site")
    parser.add_argument("--pagefind", metavar="BINARY", help="with --search-site: Pagefind's index of the site answers instead")
    args = parser.parse_args()
    queries = {q["query"]: q["page"] for q in yaml.safe_load(SEARCH_QUERIES.read_text(encoding="utf-8"))}
    if args.search_site:
        docs = args.search_site.parent / "docs"
        found = names(docs) if (docs / "data" / "kb.json").is_file() else {}
        print("\n".join(search_lines(search_bench(args.search_site, {**queries, **found}, args.pagefind), set(found))))
        return
    base = args.keep or Path(tempfile.mkdtemp(prefix="newswiki-bench-"))
    if args.pathological:
        ok = pathological(base)
        if not args.keep:
            shutil.rmtree(base)
        raise SystemExit(0 if ok else 1)
    pool = paragraphs()
    stages = ("ingest", "segment", "extract", "resolve", "render", "write")
    print(f"| articles | stories | entities | pages | {' | '.join(stages)} | ours total | per article | mkdocs build "
          f"| ours / mkdocs | peak MB (ours / mkdocs) | search index MB (files) | kb.json MB |")
    print("| --: " * (11 + len(stages)) + "|")
    for n in args.sizes:
        folder = project(base / f"corpus-{n}")
        make_corpus(n, folder / "seeds", pool)
        r = run_build(folder, "-")
        ours = sum(r["timings"][s] for s in stages)
        mk, mk_mb = run_mkdocs(folder)
        cells = " | ".join(f"{r['timings'][s]:.2f}" for s in stages)
        index = folder / "site" / "search"
        print(
            f"| {n} | {r['stories']} | {r['entities']} | {r['files']} | {cells} | {ours:.2f} | {1000 * ours / n:.1f} ms "
            f"| {mk:.1f} | {ours / mk:.2f} | {r['peak_mb']:.0f} / {mk_mb:.0f} "
            f"| {megabytes(index):.1f} ({sum(1 for _ in index.rglob('*.gz'))}) | {megabytes(folder / 'site' / 'data' / 'kb.json'):.1f} |"
        )
    n = max(args.sizes)
    folder = base / f"corpus-{n}"
    if "search" not in args.skip:
        print(f"\nsearch at {n} articles, in Chromium:\n")
        found = names(folder / "docs")
        print("\n".join(search_lines(search_bench(folder / "site", {**queries, **found}), set(found))))
    if "jobs" not in args.skip:
        print(f"\n{jobs_line(folder, n)}")
    if "incremental" not in args.skip:
        cache = str(folder / "cache")
        cold = run_build(folder, cache)
        (folder / "seeds" / f"{n:04d}_synthetic.txt").write_text(article(n, pool), encoding="utf-8")
        started = time.perf_counter()
        warm = run_build(folder, cache)
        ours = time.perf_counter() - started
        mk, _ = run_mkdocs(folder)
        t = warm["timings"]
        print(
            f"\nincremental, one article added to {n}: {warm['extracted']} story extracted "
            f"(cold cached build: {cold['extracted']}); `make site` {ours + mk:.1f}s: our build {ours:.1f}s "
            f"(ingest {t['ingest']:.2f}, segment {t['segment']:.2f}, extract {t['extract']:.2f}, resolve {t['resolve']:.2f}, "
            f"render {t['render']:.2f}, write {t['write']:.2f}; the rest is starting Python and loading jieba), mkdocs build {mk:.1f}s"
        )
    if "pathological" not in args.skip:
        print()
        pathological(base)
    if not args.keep:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
