"""Expert commentary: which actors are outside experts, what each assesses, how confidently (ICD 203)."""

from briefing.commentary.experts import (
    contrasts,
    credentials_of,
    find_experts,
    finding_kind,
    is_expert,
    likelihood,
)

__all__ = ["contrasts", "credentials_of", "find_experts", "finding_kind", "is_expert", "likelihood"]
