"""A count and its Swedish noun in the right number: ``1 rad``, ``2 rader``, ``0 rader``.

The one helper every message uses that puts a number before a noun (or an adjective that agrees
with it: ``1 post tillagd``, ``2 poster tillagda``), in the core and in the output alike
(:mod:`planctl.render.words` offers it too). Swedish uses the singular for exactly one.
"""

from __future__ import annotations


def agree(number: int, one: str, many: str) -> str:
    """``one`` when ``number`` is 1, else ``many``: the word alone, for a count written apart."""
    return one if number == 1 else many


def count_words(number: int, one: str, many: str) -> str:
    """``number`` and its noun: ``count_words(1, "rad", "rader")`` is ``1 rad``."""
    return f"{number} {agree(number, one, many)}"
