"""Source pages: one per story, the cleaned text with an anchor on every sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..model import Article, Story
from .figures import INFERRED
from .text import front_matter, link, md_cell, md_text, rel_link

SOURCES = "sources"

# sentence id -> [(label, page)] of entities drawn from that sentence
SentenceLinks = Mapping[str, Sequence[tuple[str, str]]]


_URL = re.compile(r"^https?://[^\s<>]+$")


def story_page(story: Story) -> str:
    return f"{SOURCES}/{story.id}.md"


def reference(story: Story) -> str:
    """How a citation names the story's origin, like a reference work: "长江日报，2026-03-31"."""
    date = story.published and story.published + (INFERRED if story.published_inferred else "")
    return "，".join(filter(None, (story.outlet, date)))


def original_link(story: Story) -> str:
    """A link to the article where it was published, when the header gives its URL."""
    return f"[原文链接](<{story.url}>)" if _URL.match(story.url) else ""


def render_story(story: Story, links: SentenceLinks | None = None) -> str:
    page = story_page(story)
    links = links or {}
    sentences = story.sentences
    meta = {
        "type": "source",
        "id": story.id,
        "title": story.title,
        "kicker": story.kicker or None,
        "date": story.date,
        "date_text": story.date_text or None,
        "outlet": story.outlet or None,
        "published": story.published,
        "published_inferred": story.published_inferred,
        "year_inferred": story.year_inferred or None,
        "author": story.author or None,
        "url": story.url or None,
        "source_file": story.source_file,
        "position": story.position,
        "continued": story.continued,
        "truncated": story.truncated,
        "relevance": "on-topic" if story.relevant else "off-topic",
        "relevance_score": story.relevance_score,
        "counts": {
            "paragraphs": len(story.paragraphs),
            "sentences": len(sentences),
            "captions": len(story.captions),
            "characters": sum(len(s.text) for s in sentences),
        },
    }
    out = [front_matter({k: v for k, v in meta.items() if v is not None})]
    if story.kicker:
        out.append(f'<p class="kb-kicker">{md_text(story.kicker)}</p>\n\n')
    out.append(f"# {md_text(story.title)}\n\n")
    facts = [f"出处 {md_text(reference(story) or '未注明')}", original_link(story)]
    if story.author:
        facts.append(f"作者 {md_text(story.author)}")
    facts += [f"来源文件 {md_text(story.source_file)}", f"第 {story.position} 篇", f"{len(story.paragraphs)} 段 · {len(sentences)} 句"]
    if story.date and story.date != story.published:
        facts.append(f"所述事件日期 {story.date}" + (INFERRED if story.year_inferred else ""))
    note = "  \n    标“推断”的日期由正文推断：电头的日期，或报道所述事件的日期；文件头未给出刊发日期。" if story.published_inferred else ""
    if story.year_inferred:
        note += "正文与文件头都未写明年份，年份取正文所述最近的年份（推断）。"
    out.append(f'!!! info "来源信息"\n    {" · ".join(filter(None, facts))}{note}\n\n')
    if story.continued:
        out.append('!!! note "转版续文"\n    本篇开头刊于其他版面，未收入本文件；以下从续文开始。\n\n')
    if not story.relevant:
        out.append('!!! warning "与本知识库主题无关"\n    本篇与区域创新、产业或发展无关，仅作为来源保留，不产生条目。\n\n')
    for block in story.blocks:
        if block.kind == "subheading":
            out.append(f"{'#' * block.level} {md_text(block.text)}\n\n")
            continue
        spans = []
        for s in block.sentences:
            refs = "".join(
                f" [{md_text(label)}]({rel_link(page, target)}){{ .kb-ref }}" for label, target in links.get(s.id, ())
            )
            spans.append(f'<span class="kb-s" id="{s.id}">{md_text(s.text)}{refs}</span>')
        out.append("".join(spans) + "\n\n")
    if story.truncated:
        out.append('!!! note "后文缺失"\n    本篇在此中断，后文刊于其他版面，未收入本文件。\n\n')
    if story.captions:
        out.append("## 图片说明\n\n")
        for c in story.captions:
            credit = f"（{md_text(c.credit)}）" if c.credit else ""
            out.append(f"- {md_text(c.text)}{credit}\n")
        out.append("\n")
    if story.bylines:
        out.append('<p class="kb-byline">' + " ".join(md_text(b) for b in story.bylines) + "</p>\n")
    return "".join(out)



def render_index(articles: Sequence[Article], sentences: Mapping[str, int]) -> str:
    """The list of all stories; ``sentences`` counts each story's sentences by its id."""
    page = f"{SOURCES}/index.md"
    stories = [s for a in articles for s in a.stories]
    out = [
        front_matter({"type": "index", "title": "来源文章", "count": len(stories)}),
        "# 来源文章\n\n",
        f"共 {len(articles)} 个文件、{len(stories)} 篇报道；"
        f"{sum(not s.relevant for s in stories)} 篇与主题无关，仅作来源保留。\n\n",
        "| 报道 | 出处 | 文件 | 句数 | 主题 |\n| --- | --- | --- | --: | --- |\n",
    ]
    for s in stories:
        out.append(
            f"| {link(s.title, page, story_page(s))} | {md_cell(reference(s)) or '—'} "
            f"| {md_cell(s.source_file)} | {sentences[s.id]} | {'相关' if s.relevant else '无关'} |\n"
        )
    return "".join(out)
