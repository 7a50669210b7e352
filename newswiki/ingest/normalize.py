"""A character-for-character normalisation of article text for analysis.

Every output string has the length of its input, so positions found in the
normalised copy address the same characters in the original (used for quotes).
"""

from __future__ import annotations

import re

# Full-width ASCII variants (！..～) -> ASCII, then ASCII sentence punctuation -> Chinese.
_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDE.update({0x3000: 0x20, 0x00A0: 0x20, 0x09: 0x20})
_TO_CJK = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
# ASCII , and : stay ASCII between digits (1,000  10:30)
_NUMERIC = re.compile(r"(?<=\d)[,:](?=\d)")


def normalize(text: str) -> str:
    text = text.translate(_WIDE)
    keep = {m.start() for m in _NUMERIC.finditer(text)}
    if not keep:
        return text.translate(_TO_CJK)
    return "".join(c if i in keep else c.translate(_TO_CJK) for i, c in enumerate(text))
