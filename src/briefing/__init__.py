"""briefing: turn an English news article into an analytical briefing.

The pipeline runs one way: ingest -> actors -> claims -> commentary / timeline -> report.
Notebooks read the extraction back with :func:`briefing.load`.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "load"]


def load(folder):
    """Read an extraction folder (see :func:`briefing.io.load`); pandas is imported only when used."""
    from briefing.io import load as _load

    return _load(folder)
