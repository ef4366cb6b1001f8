"""03 Expert commentary: who the outside experts are, their findings on the ICD 203 scale or with their
caveats, and their views beside the parties' positions."""

from __future__ import annotations

import pandas as pd

from briefing.io import Bundle
from briefing.present.common import actor_names, evidence, where
from briefing.present.markup import Html, block, empty, join, names_list, para, plural, quote, table, tag

ICD203 = (
    ("almost no chance", "01–05%"),
    ("very unlikely", "05–20%"),
    ("unlikely", "20–45%"),
    ("roughly even chance", "45–55%"),
    ("likely", "55–80%"),
    ("very likely", "80–95%"),
    ("almost certain", "95–99%"),
)


def institution(row: pd.Series) -> str:
    name, kind = str(row.get("affiliation") or ""), str(row.get("affiliation_type") or "")
    return f"{name} ({kind})" if name and kind else name


def experts_table(b: Bundle) -> Html:
    x = b.experts
    if not len(x):
        return empty("No expert commentary was found in this article.")
    rows = [
        [r["name"], r.credentials, institution(r), r.channel, evidence(b, r.evidence_start, 200)]
        for _, r in x.iterrows()
    ]
    text = (
        f"{plural(b.count('experts'), 'outside expert')} comment: {names_list(list(x.name))}. Credentials "
        "are as the article states them, wherever it states them; institutions are named whole."
    )
    headers = ["Expert", "Credentials", "Institution", "Channel", "Evidence"]
    return block(para(text, cls="lead"), table(headers, rows))


def likelihood_text(row: pd.Series) -> str:
    if row.get("likelihood"):
        words = f" (“{row.get('likelihood_words')}”)" if row.get("likelihood_words") else ""
        return f"{row.get('likelihood')}{words}"
    if row.get("caveat"):
        return f"caveat, no probability (“{row.get('caveat')}”)"
    return "stated without hedging"


def findings_table(b: Bundle) -> Html:
    f = b.findings
    if not len(f):
        return empty("No expert judgement, prediction or reasoning was extracted.")
    names = actor_names(b)
    rows = [
        [
            names.get(r.expert_id, r.expert_id),
            r.kind,
            quote(r.text, 320),
            tag("em", likelihood_text(r)),
            where(b, r.start),
        ]
        for _, r in f.iterrows()
    ]
    rated = int((f.likelihood != "").sum())
    caveats = int((f.caveat != "").sum()) if "caveat" in f.columns else 0
    text = (
        f"{plural(b.count('findings'), 'finding')}: {rated} judge how likely an outcome is (placed on the "
        f"ICD 203 scale), {caveats} doubt an inference (a caveat, no probability), "
        f"{len(f) - rated - caveats} are stated without hedging."
    )
    headers = ["Expert", "Kind", "Finding", "Likelihood (ICD 203) or caveat", "Where"]
    return block(para(text, cls="lead"), table(headers, rows, cls="findings"))


def icd203_scale() -> Html:
    cells = join(tag("li", tag("strong", term) + Html(" ") + tag("span", rng)) for term, rng in ICD203)
    return block(tag("p", "ICD 203 expressions of likelihood:", cls="small") + tag("ul", cells, cls="scale"))


def expert_contrast(b: Bundle) -> Html:
    """Each party position beside the expert finding on the same matter (from the analysis)."""
    c = b.contrasts
    if not len(c):
        return empty("No expert finding bears on a party's own position in this article.")
    rows = []
    for _, r in c.iterrows():
        said = quote(r.text, 200) + Html(" ") + where(b, r.start)
        judged = quote(r.finding, 200) + Html(" ") + where(b, r.finding_start)
        rows.append([r.party, said, r.expert, judged, f"{r.matter} ({r.relation})"])
    lead = (
        "What each party says, beside the expert finding on the same matter. “Qualifies” means the expert "
        "doubts or negates what the party asserts: a pointer to read both, not a verdict."
    )
    headers = ["Party", "The party says", "Expert", "The expert assesses", "Matter"]
    return block(para(lead, cls="lead"), table(headers, rows))
