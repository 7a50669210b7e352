"""A build never dies on an article; traditional characters are analysed as simplified.

The property test mutates real text (the seeds and, when present, ``../shared/corpus``,
read here and never copied) and runs ingest -> extract -> resolve on each mutant.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswiki import extract
from newswiki.build import build
from newswiki.cli import main
from newswiki.extract import extract_all
from newswiki.extract.tokens import tokens
from newswiki.ingest import SourceError, ingest_dir, ingest_text
from newswiki.resolve import resolve

from .conftest import ROOT, SEEDS

CORPUS = ROOT.parent / "shared" / "corpus"
TRADITIONAL = ["b10_jingkai_metrics.txt", "b11_jiangxia_metrics.txt", "b12_dongxihu_metrics.txt"]
S2T, T2S = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")


def one_seed(tmp_path: Path, name: str = "002_497299743b382229.txt") -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / name, seeds / name)
    return seeds


# --- one story fails, the build goes on ---------------------------------------------


def failing_on(needle: str):
    """An extractor that raises on the sentence containing ``needle``, as a bug would."""

    def extractor(ctx):
        for sent in ctx.story.sentences:
            if needle in sent.norm:
                raise TypeError("'NoneType' object is not subscriptable")
        return []

    return extractor


def test_a_story_that_raises_keeps_its_page_without_facts(tmp_path, monkeypatch, capsys):
    seeds = one_seed(tmp_path)
    clean = build(seeds, tmp_path / "clean")
    story = next(s for a in clean.articles for s in a.stories if s.relevant)
    sentence = story.sentences[2]
    monkeypatch.setattr(extract, "EXTRACTORS", (*extract.EXTRACTORS, failing_on(sentence.norm)))

    cache, docs = tmp_path / "cache", tmp_path / "docs"
    assert main(["build", "--seeds", str(seeds), "--docs", str(docs), "--cache", str(cache)]) == 0
    err = capsys.readouterr().err
    problem = f"error: {story.source_file}: {story.id}#{sentence.id}: extraction failed: TypeError: 'NoneType' object is not subscriptable"
    assert problem in err
    assert "problems: 1 errors, 0 warnings" in err
    assert (docs / "sources" / f"{story.id}.md").is_file()
    kb = (docs / "data" / "kb.json").read_text(encoding="utf-8")
    assert f'"story": "{story.id}"' in (tmp_path / "clean" / "data" / "kb.json").read_text(encoding="utf-8")
    assert f'"story": "{story.id}"' not in kb

    # the failed story was not cached: once the bug is gone, it is extracted again
    monkeypatch.undo()
    again = build(seeds, docs, cache_dir=cache)
    assert again.problems == [] and again.stories_extracted == 1
    assert (docs / "data" / "kb.json").read_text(encoding="utf-8") == (tmp_path / "clean" / "data" / "kb.json").read_text(encoding="utf-8")


def test_a_story_whose_segmentation_raises_is_reported_once(tmp_path, monkeypatch):
    seeds = one_seed(tmp_path)
    story = next(s for a in ingest_dir(seeds)[0] for s in a.stories if s.relevant)
    bad = story.sentences[4].norm

    def segment(text):
        if text == bad:
            raise RecursionError("maximum recursion depth exceeded")
        return tokens(text)

    monkeypatch.setattr(extract, "tokens", segment)
    report = build(seeds, tmp_path / "docs")
    [problem] = report.problems
    assert (problem.story, problem.sentence, problem.level) == (story.id, story.sentences[4].id, "error")
    assert problem.reason.startswith("segmentation failed: RecursionError: maximum recursion depth exceeded")
    assert (tmp_path / "docs" / "sources" / f"{story.id}.md").is_file()


def test_this_year_without_a_year_builds(tmp_path):
    """今年 in a story that names no year anywhere once stopped the whole build (issue 10)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "no_year.txt").write_text(
        "青山区科技创新稳步推进\n\n"
        "今年一季度，青山区高新技术企业数量同比增长12.5%，科技型中小企业新增36家。\n\n"
        "青山区科技局介绍，今年以来全区围绕科技创新、产业创新和创新平台建设持续发力，"
        "高新技术产业增加值占GDP比重达到18.6%。\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "newswiki", "build", "--no-cache", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "problems:" not in result.stderr and "error" not in result.stderr
    kb = (tmp_path / "docs" / "data" / "kb.json").read_text(encoding="utf-8")
    assert '"value_text": "12.5%"' in kb


# --- traditional characters -----------------------------------------------------------


def knowledge(article):
    """Entities and facts read from ``article`` (alias mentions aside: a traditional text adds its written forms)."""
    return [
        (m.type, m.name, m.source.sentence, m.attrs.get("value"), m.attrs.get("period"))
        for m in extract_all([article]) if "alias" not in m.attrs
    ]


def test_a_seed_in_traditional_characters_gives_the_same_knowledge():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        plain, trad = ingest_text(text, path.name), ingest_text(S2T.convert(text), path.name)
        assert [(s.id, s.relevant, len(s.sentences)) for s in trad.stories] == [
            (s.id, s.relevant, len(s.sentences)) for s in plain.stories
        ]
        assert knowledge(trad) == knowledge(plain)
        quotes = [s.text for story in trad.stories for s in story.sentences]
        assert quotes == [S2T.convert(s.text) for story in plain.stories for s in story.sentences]


@needs_corpus
def test_corpus_articles_in_traditional_characters(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in TRADITIONAL:
        shutil.copy(CORPUS / name, seeds / name)
    report = build(seeds, tmp_path / "docs")
    assert report.problems == [] and all(s.relevant for a in report.articles for s in a.stories)
    names = [e.name for e in report.kb.entities]
    company = next(e for e in report.kb.entities if e.name == "武汉众维亿方大数据科技有限公司")
    assert company.aliases == ["武漢眾維億方大數據科技有限公司"]  # as the text writes it
    assert all(T2S.convert(n) == n for n in names), [n for n in names if T2S.convert(n) != n]
    metrics = [f for e in report.kb.entities if e.type == "metric" for f in e.facts]
    assert len(metrics) >= 5
    gdp = [f for f in metrics if f.scope == "江夏区" and f.value == 84_204_000_000]
    assert [f.value_text for f in gdp] == ["842.04億元"]  # quoted as written


# --- property test: mutations of real text ----------------------------------------------

EXAMPLES = 4000
TEXTS = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))] + [
    (p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir()
]
WINDOW = 12  # lines of a file per case: a story or part of one, so thousands of cases run in seconds
MARKUP = ["<p>", "</div>", "<br/>", "**", "# ", "## ", "&nbsp;", "<script>alert(1)</script>", "[1]", "|", "---", "\n\n\n", "（上接第一版）", "`"]
HALF, FULL = ",.:;!?()%0123456789", "，。：；！？（）％０１２３４５６７８９"
_PIECES = re.compile(r"[^。！？\n]*[。！？]+[”’」』）)]*|[^。！？\n]+|\n+")


def pieces(text: str) -> list[str]:
    return _PIECES.findall(text)


@st.composite
def drop_sentences(draw, text):
    ps = pieces(text)
    gone = set(draw(st.lists(st.integers(0, len(ps) - 1), max_size=max(len(ps) // 2, 1)))) if ps else set()
    return "".join(p for i, p in enumerate(ps) if i not in gone)


@st.composite
def shuffle_sentences(draw, text):
    return "".join(draw(st.permutations(pieces(text))))


@st.composite
def cut_sentence(draw, text):
    ps = pieces(text)
    if not ps:
        return text
    i = draw(st.integers(0, len(ps) - 1))
    ps[i] = ps[i][: draw(st.integers(0, len(ps[i])))]
    return "".join(ps)


@st.composite
def drop_years(draw, text):
    years = list(re.finditer(r"(?:19|20)\d{2}年?", text))
    if not years or draw(st.booleans()):
        return re.sub(r"(?:19|20)\d{2}年?", "", text)
    m = draw(st.sampled_from(years))
    return text[: m.start()] + text[m.end() :]


@st.composite
def change_digits(draw, text):
    at = [i for i, c in enumerate(text) if c.isdigit()]
    chars = list(text)
    for i in draw(st.lists(st.sampled_from(at), max_size=6)) if at else []:
        chars[i] = draw(st.sampled_from("0123456789"))
    return "".join(chars)


@st.composite
def swap_width(draw, text):
    a, b = (HALF, FULL) if draw(st.booleans()) else (FULL, HALF)
    return text.translate(str.maketrans(a, b))


@st.composite
def convert_script(draw, text):
    cc = draw(st.sampled_from([S2T, T2S]))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text[:start] + cc.convert(text[start:end]) + text[end:]


@st.composite
def stray_markup(draw, text):
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(MARKUP)) + text[at:]
    return text


MUTATIONS = [drop_sentences, shuffle_sentences, cut_sentence, drop_years, change_digits, swap_width, convert_script, stray_markup]


@st.composite
def mutants(draw):
    name, text = draw(st.sampled_from(TEXTS))
    lines = text.split("\n")
    start = draw(st.integers(0, len(lines) - 1))
    text = "\n".join(lines[start : start + draw(st.integers(1, WINDOW))])
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        text = draw(mutate(text))
    return name, text


def test_mutated_real_text_never_raises_and_numbers_stay_in_quotes():
    seen = Counter()

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutants())
    def case(mutant):
        name, text = mutant
        seen["cases"] += 1
        try:
            article = ingest_text(text, name)
        except SourceError:
            seen["rejected (no body text)"] += 1
            return
        for story in article.stories:
            story.relevant = True  # every story, on-topic or not, goes through the extractors
            for s in story.sentences:
                assert len(s.norm) == len(s.text)
        mentions = extract_all([article])
        kb = resolve(mentions)
        seen["stories"] += len(article.stories)
        for m in mentions:
            if m.type == "metric":
                assert m.attrs["value_text"] in m.source.quote, (m.attrs["value_text"], m.source.quote)
        for e in kb.entities:
            for f in e.facts if e.type == "metric" else ():
                assert f.value_text in f.sources[0].quote
                seen["metric facts"] += 1
        if tokens.cache_info().currsize > 50_000:
            tokens.cache_clear()

    case()
    tokens.cache_clear()
    print(f"\nproperty test: {dict(seen)}, exceptions: 0")
    assert seen["cases"] >= EXAMPLES and seen["metric facts"] > EXAMPLES // 2
