"""briefing: turn an English news article into an analytical briefing.

The pipeline runs one way: ingest -> actors -> claims -> commentary / timeline -> report.
Notebooks read the extraction back with :func:`briefing.load`.
"""

from briefing.io import load

__version__ = "0.1.0"
__all__ = ["__version__", "load"]
