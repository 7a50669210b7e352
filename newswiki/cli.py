"""Command line: ``python -m newswiki build``."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .build import build
from .ingest import Limits


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newswiki", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate docs/ from seeds/")
    b.add_argument("--seeds", type=Path, default=Path("seeds"))
    b.add_argument("--docs", type=Path, default=Path("docs"))
    b.add_argument("--cache", type=Path, default=Path(".cache/newswiki"), help="cache folder for incremental builds")
    b.add_argument("--no-cache", action="store_true", help="a clean build: read and extract every story")
    b.add_argument("--jobs", type=positive, default=1, metavar="N", help="extract stories in N processes (same output as 1)")
    b.add_argument("--strict", action="store_true", help="fail (exit 1) when any input was skipped, for CI")
    b.add_argument("--max-file-mb", type=positive, default=Limits.file_bytes // 2**20, metavar="MB", help="larger seed files are skipped unread")
    w = sub.add_parser("serve", help="build, serve on localhost, and rebuild when seeds/ changes")
    w.add_argument("--seeds", type=Path, default=Path("seeds"))
    w.add_argument("--docs", type=Path, default=Path("docs"))
    w.add_argument("--cache", type=Path, default=Path(".cache/newswiki"))
    w.add_argument("--dev-addr", default="127.0.0.1:8000")
    e = sub.add_parser("eval", help="lenient and strict scores against the gold annotations")
    e.add_argument("--gold", type=Path, default=Path("tests/gold"), help="gold of the --corpus folders")
    e.add_argument("--corpus", type=Path, action="append", help="folders of articles (default: seeds and tests/corpus with tests/gold, ../shared/corpus with its gold/)")
    e.add_argument("--brief", action="store_true", help="scores only, no misses or false hits")
    q = sub.add_parser("search-eval", help="hit@5 of the query set in a real browser, and index size")
    q.add_argument("--site", type=Path, default=Path("site"))
    q.add_argument("--queries", type=Path, default=Path("tests/search_queries.yaml"))
    args = parser.parse_args(argv)

    if args.command == "build":
        if not args.seeds.is_dir():
            print(f"error: seeds folder {args.seeds} does not exist", file=sys.stderr)
            return 2
        cache_dir = None if args.no_cache else args.cache
        limits = Limits(file_bytes=args.max_file_mb * 2**20)
        log = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
        try:
            report = build(args.seeds, args.docs, log=log, cache_dir=cache_dir, jobs=args.jobs, limits=limits)
        except Exception as exc:  # a failure of the whole build; one article's failure is a Problem
            traceback.print_exc()
            print(f"error: the build failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        if not report.articles:
            log(f"error: nothing was published from {args.seeds}")
            return 1
        if args.strict and report.skipped:
            log(f"error: --strict: {len(report.skipped)} inputs were skipped (listed above)")
            return 1
    elif args.command == "serve":
        from .serve import watch

        return watch(args.seeds, args.docs, args.cache, lambda msg: print(msg, file=sys.stderr), args.dev_addr)
    elif args.command == "eval":
        from .evaluate import default_sets, evaluate, report, target

        sets = [(str(c), c, args.gold) for c in args.corpus] if args.corpus else default_sets()
        for name, corpus, gold in sets:
            print(report(name, evaluate(gold, corpus), target(corpus), details=not args.brief))
    elif args.command == "search-eval":
        from .browse import search_report

        print(search_report(args.site, args.queries))
    return 0
