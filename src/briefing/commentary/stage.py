"""The commentary stage: outside experts (credentials, institution, channel) and their findings."""

from __future__ import annotations

from briefing.commentary.credentials import channel_of, credentials_of, is_expert, org_type
from briefing.commentary.findings import findings_of, reported_judgements
from briefing.model import ActorIndex, Claim, Document, Expert, Finding, Mention


def find_experts(
    doc: Document, actors: ActorIndex, claims: list[Claim]
) -> tuple[list[Expert], list[Finding]]:
    """Outside experts who speak or judge in the article, and the findings from their own words."""
    spoken: dict[str, list[Claim]] = {}
    for c in claims:
        if c.speaker_id and c.mode in ("direct", "indirect"):
            spoken.setdefault(c.speaker_id, []).append(c)
    by_actor: dict[str, list[Mention]] = {}
    for m in actors.mentions:
        by_actor.setdefault(m.actor_id, []).append(m)
    kinds = {a.id: a.kind for a in actors.actors}
    orgs = [m for m in actors.mentions if kinds.get(m.actor_id) in ("organisation", "group")]
    experts: list[Expert] = []
    findings: list[Finding] = []
    for actor in actors.actors:
        if actor.kind not in ("person", "organisation") or actor.side == "media":
            continue
        said = sorted(spoken.get(actor.id, []), key=lambda c: c.start)
        mine = by_actor.get(actor.id, [])
        cred = credentials_of(doc, actor, actors, mine, orgs)
        channel = channel_of(doc, said)
        kind = org_type(doc, actor, mine) if actor.kind == "organisation" else ""
        if not is_expert(actor, cred, channel, kind):
            continue
        judged = reported_judgements(doc, actor.id, mine, claims)
        if not (said or judged):
            continue  # an institution named as someone's affiliation is not a second expert
        experts.append(_expert(actor, cred, channel, kind))
        findings.extend(sorted([*findings_of(doc, actor.id, said), *judged], key=lambda f: f.start))
    return experts, findings


def _expert(actor, cred, channel: str, kind: str = "") -> Expert:
    if cred is None or actor.kind == "organisation":
        return Expert(actor.id, actor.name, "", -1, -1, channel, actor.name, kind)
    inst = cred.institution or (actor.name if actor.kind == "organisation" else "")
    return Expert(
        actor.id,
        actor.name,
        cred.text,
        cred.start,
        cred.end,
        channel,
        inst,
        cred.institution_type,
        cred.institution_start,
        cred.institution_end,
    )
