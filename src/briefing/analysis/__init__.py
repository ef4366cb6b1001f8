"""The analysis stage: from an extraction to what the briefing says, as tables with evidence offsets.

Positions (each party's acts and matters), points of dispute, sourcing, expert views set against the
parties, links between actors, the figures every section quotes, the title and outlet, and the bottom
line. ``analyse`` computes them once; ``io.write_analysis`` writes them beside the extraction, and the
briefing only formats them.
"""

from typing import Any

__all__ = ["analyse"]


def __getattr__(name: str) -> Any:  # the stage needs spaCy: import it only when it is used
    if name == "analyse":
        from briefing.analysis.stage import analyse

        return analyse
    raise AttributeError(name)
