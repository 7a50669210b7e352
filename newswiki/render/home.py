"""The home page and the topic index pages."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .sources import SOURCES
from .text import front_matter

# folder, title, what the topic holds
TOPICS = (
    ("platforms", "平台", "研究院、中试基地、实验室、孵化器、科创带等创新平台"),
    ("policies", "政策", "政策文件、措施条款、清单与奖励金额"),
    ("projects", "项目", "签约、开工、投产、竣工的项目及其投资"),
    ("metrics", "指标", "带单位、年份、主体和范围的统计数字"),
)


def render_topics() -> dict[str, str]:
    pages = {}
    for folder, title, about in TOPICS:
        pages[f"{folder}/index.md"] = (
            front_matter({"type": "index", "title": title, "count": 0})
            + f"# {title}\n\n{about}。\n\n暂无条目。\n"
        )
    return pages


def render_home(articles: Sequence[Article]) -> str:
    stories = [s for a in articles for s in a.stories]
    relevant = [s for s in stories if s.relevant]
    lines = [
        front_matter({"type": "home", "title": "首页"}),
        "# 武汉创新与产业政策知识库\n\n",
        "本站由新闻报道自动生成：每条事实都注明出处，并链接到原文中的那一句。\n\n",
        f"- [来源文章]({SOURCES}/index.md)：{len(articles)} 个文件，{len(stories)} 篇报道"
        f"（{len(relevant)} 篇与主题相关）\n",
    ]
    for folder, title, about in TOPICS:
        lines.append(f"- [{title}]({folder}/index.md)：{about}\n")
    return "".join(lines)
