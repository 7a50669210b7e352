"""The home page and the tags page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Article
from . import collectives, districts, finder
from .site import FOLDER, Site
from .sources import SOURCES
from .text import front_matter, md_text

# entity type, title, what the topic holds
TOPICS = (
    ("platform", "平台", "研究院、中试基地、实验室、孵化器、产业园、科创带等创新平台"),
    ("policy", "政策", "政策文件、措施条款、清单与奖励金额"),
    ("project", "项目", "签约、开工、投产、竣工的项目及其投资"),
    ("metric", "指标", "带单位、年份、主体和范围的统计数字"),
    ("organisation", "机构", "企业、高校、政府部门与基金"),
)
RECENT_EVENTS = 8
TOP_PLATFORMS = 8


def render_home(articles: Sequence[Article], site: Site, events: list) -> str:
    kb = site.kb
    stories = [s for a in articles for s in a.stories]
    counts = Counter(e.type for e in kb.entities)
    out = [
        front_matter({"type": "home", "title": "首页"}),
        "# 武汉创新与产业政策知识库\n\n",
        "本站由新闻报道自动生成。每条事实都注明出处：点击上标数字或“原文”，即跳到报道中的那一句。"
        "不同报道说法不一时，两种数值并列展示，不作取舍。\n\n",
        "## 全貌\n\n| 栏目 | 条目 | 内容 |\n| --- | --: | --- |\n",
    ]
    for etype, title, about in TOPICS:
        out.append(f"| [{title}]({FOLDER[etype]}/index.md) | {counts[etype]} | {about} |\n")
    out.append(f"| [政策计算器]({finder.PAGE}) | — | 勾选企业情况和所在区，列出相符的条款、金额与出处 |\n")
    out.append(f"| [区域]({districts.INDEX}) | — | 各区的平台、政策、项目与指标 |\n")
    out.append(f"| [集中活动]({collectives.INDEX}) | — | 项目集中开工、签约：项目数、总投资与分类 |\n")
    out.append(f"| [来源冲突](conflicts/index.md) | {len(kb.conflicts)} | 同一指标不同报道数值不一 |\n")
    out.append(f"| [时间线](timeline/index.md) | {len(events)} | 有日期的会议、签约、揭牌、开工与发布 |\n")
    out.append(
        f"| [来源文章]({SOURCES}/index.md) | {len(stories)} | {len(articles)} 个文件，"
        f"{sum(s.relevant for s in stories)} 篇与主题相关 |\n\n"
    )
    platforms = sorted((e for e in kb.entities if e.type == "platform"), key=lambda e: -len(e.stories))[:TOP_PLATFORMS]
    if platforms:
        out.append("## 报道最多的平台\n\n")
        out += [f"- {site.entity_link(e, 'index.md')}（{len(e.stories)} 篇报道）\n" for e in platforms]
        out.append("\n")
    if events:
        out.append("## 最近的事件\n\n")
        for date, what, src, entity in reversed(events[-RECENT_EVENTS:]):
            subject = site.entity_link(entity, "index.md", what) if entity else md_text(what)
            out.append(f"- **{date}** {subject} —— {site.cite_origin(src, 'index.md')}\n")
    return "".join(out)


def render_tags() -> str:
    return (
        front_matter({"type": "index", "title": "标签"})
        + "# 标签\n\n按类型、阶段和所在区域浏览全部条目。\n\n<!-- material/tags -->\n"
    )
