"""Plain dataclasses passed between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence of a story; ``text`` is the original, ``norm`` the analysis copy.

    ``norm`` is a character-for-character normalisation of ``text`` (same length),
    so offsets found in ``norm`` point at the same characters in ``text``.
    """

    id: str
    text: str
    norm: str
    paragraph: int


@dataclass
class Block:
    """A body block of a story: a subheading or a paragraph of sentences."""

    kind: str  # "subheading" | "paragraph"
    text: str
    level: int = 0  # heading level (2, 3 …) for subheadings
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str = ""


@dataclass
class Story:
    id: str
    source_file: str
    position: int  # 1-based position of the story in its file
    title: str
    kicker: str = ""
    continued: bool = False  # a "(上接第一版)" style fragment
    date: str | None = None  # ISO date when the text gives one, else the header's
    date_text: str = ""
    year: int | None = None  # the year the story reports from: its date's, else its file's
    year_inferred: bool = False  # that year is ingest.stories.written_year's guess
    outlet: str = ""  # the header's, else the story's dateline or byline (ingest/dateline.py)
    url: str = ""
    author: str = ""
    published: str | None = None  # the date a citation gives: the header's, else inferred
    published_inferred: bool = False
    truncated: bool = False  # ends mid-sentence or at a "(下转第二版)" marker; the rest is not in the file
    relevant: bool = True
    relevance_score: float = 0.0
    blocks: list[Block] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks for s in b.sentences]

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]


@dataclass
class Article:
    """One seed file after ingest."""

    source_file: str
    encoding: str
    content_hash: str  # of the normalised text, used for dedupe and caching
    stories: list[Story] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    """A message about one input file; ``level`` is "error" (skipped) or "warning".

    A story that failed in segmentation or extraction names its ``story`` and,
    when known, the ``sentence`` being read.
    """

    source_file: str
    level: str
    reason: str
    story: str = ""
    sentence: str = ""

    def __str__(self) -> str:
        where = f"{self.story}{'#' + self.sentence if self.sentence else ''}: " if self.story else ""
        return f"{self.level}: {self.source_file}: {where}{self.reason}"


@dataclass(frozen=True, slots=True)  # slots: the build holds every mention of the corpus
class Source:
    """Where a fact was read: a story, a sentence in it, and the sentence's text."""

    story: str
    sentence: str
    quote: str


@dataclass(slots=True)
class Mention:
    """One entity or fact as one sentence reports it."""

    type: str  # "platform" | "policy" | "project" | "metric"
    name: str  # cleaned, whole name (for metrics: the subject)
    surface: str  # the characters of the quote that name it
    source: Source
    attrs: dict = field(default_factory=dict)
