"""The home page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Article
from ..resolve import Entity
from .sources import SOURCES
from .text import front_matter

# folder, title, what the topic holds, entity type
TOPICS = (
    ("platforms", "平台", "研究院、中试基地、实验室、孵化器、科创带等创新平台", "platform"),
    ("policies", "政策", "政策文件、措施条款、清单与奖励金额", "policy"),
    ("projects", "项目", "签约、开工、投产、竣工的项目及其投资", "project"),
    ("metrics", "指标", "带单位、年份、主体和范围的统计数字", "metric"),
)


def render_home(articles: Sequence[Article], entities: Sequence[Entity]) -> str:
    stories = [s for a in articles for s in a.stories]
    relevant = [s for s in stories if s.relevant]
    counts = Counter(e.type for e in entities)
    lines = [
        front_matter({"type": "home", "title": "首页"}),
        "# 武汉创新与产业政策知识库\n\n",
        "本站由新闻报道自动生成：每条事实都注明出处，并链接到原文中的那一句。\n\n",
    ]
    for folder, title, about, etype in TOPICS:
        lines.append(f"- [{title}]({folder}/index.md)：{counts[etype]} 条 —— {about}\n")
    lines.append(
        f"- [来源文章]({SOURCES}/index.md)：{len(articles)} 个文件，{len(stories)} 篇报道"
        f"（{len(relevant)} 篇与主题相关）\n"
    )
    return "".join(lines)
