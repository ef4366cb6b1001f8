"""Claims stage: who claims what (direct quotes and reported speech, with their speakers) and the
outlet's own voice. ``cues`` lists the communication verbs, ``speakers`` finds and resolves the subject
of a cue, ``attribution`` builds the claims, ``editorial`` finds the writer's own opinion sentences.
"""

from briefing.claims.attribution import ClaimsFound, find_claims

__all__ = ["ClaimsFound", "find_claims"]
