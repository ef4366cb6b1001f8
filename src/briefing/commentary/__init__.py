"""Expert commentary: which actors are outside experts (credentials in any form, institution kept whole
and typed), what each judges, and how likely they say it is (ICD 203) or what caveat they attach."""

from briefing.commentary.credentials import credentials_of, is_expert
from briefing.commentary.estimative import ICD203_SCALE, caveat, likelihood
from briefing.commentary.findings import finding_kind
from briefing.commentary.stage import find_experts

__all__ = [
    "ICD203_SCALE",
    "caveat",
    "credentials_of",
    "find_experts",
    "finding_kind",
    "is_expert",
    "likelihood",
]
