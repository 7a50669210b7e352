"""A character-for-character normalisation of article text for analysis.

Every output string has the length of its input, so positions found in the
normalised copy address the same characters in the original (used for quotes).
Traditional characters become simplified (OpenCC ``t2s``), so the lexicon,
jieba and the rules see one script.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import opencc

# Full-width ASCII variants (！..～) -> ASCII, then ASCII sentence punctuation -> Chinese.
_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDE.update({0x3000: 0x20, 0x00A0: 0x20, 0x09: 0x20})
_TO_CJK = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
# ASCII , and : stay ASCII between digits (1,000  10:30)
_NUMERIC = re.compile(r"(?<=\d)[,:](?=\d)")


# CJK ideographs (unified, extension A, compatibility); OpenCC converts within runs of them.
_HAN = ((0x3400, 0xA000), (0xF900, 0xFB00))
_HAN_RUN = re.compile("[" + "".join(f"{chr(a)}-{chr(b - 1)}" for a, b in _HAN) + "]+")


@lru_cache(maxsize=1024)  # line classification asks for the same lines several times
def normalize(text: str) -> str:
    text = simplified(text.translate(_WIDE))
    keep = {m.start() for m in _NUMERIC.finditer(text)}
    if not keep:
        return text.translate(_TO_CJK)
    return "".join(c if i in keep else c.translate(_TO_CJK) for i, c in enumerate(text))


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _traditional() -> frozenset[str]:
    """Every ideograph OpenCC changes on its own (one conversion of all of them, ~10 ms)."""
    chars = [chr(c) for a, b in _HAN for c in range(a, b)]
    return frozenset(c for c, t in zip(chars, _t2s().convert("\n".join(chars)).split("\n")) if t != c)


def simplified(text: str) -> str:
    """``text`` in simplified characters, of the same length.

    Text without traditional characters is returned as it is. Otherwise each
    run of ideographs is converted with OpenCC's phrases; a run whose length a
    phrase would change is converted character by character, so offsets stay valid.
    """
    if _traditional().isdisjoint(text):
        return text
    convert = _t2s().convert

    def run(m: re.Match) -> str:
        whole = convert(m.group())
        if len(whole) == len(m.group()):
            return whole
        return "".join(c if len(t := convert(c)) != 1 else t for c in m.group())

    return _HAN_RUN.sub(run, text)
