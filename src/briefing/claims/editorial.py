"""The outlet's own voice: sentences that evaluate without attributing, as ``mode=editorial`` claims.

A body sentence (or a headline) that no claim covers and that is not quoted speech is scored by
lexical cues of evaluation: evaluative adjectives and nouns, intensifiers and stance adverbs,
idioms and metaphors, verdict modals addressed to the reader, and rhetorical questions. Strong
cues weigh 2, weak ones 1; a sentence scoring 2 or more is editorial. The span is the sentence;
its cue is the first evaluative word found. Never attributed to an actor.
"""

from __future__ import annotations

import bisect
import re

from briefing.model import Claim, Document, Sentence, Span

THRESHOLD = 2
MAX_SENTENCE = 1500  # longer "sentences" are unsegmented dumps, not a verdict


def _words(block: str) -> str:
    return "|".join(
        sorted((w.replace(" ", r"\s+") for w in block.split(",") if w.strip()), key=len, reverse=True)
    ).replace("\n", "")


# Strong: a writer's judgement on its own (adjectives of value, loaded nouns, idioms).
_STRONG = _words(
    """devastating,disastrous,catastrophic,fruitless,futile,pointless,shameful,disgraceful,outrageous,
    absurd,ridiculous,laughable,farcical,appalling,dismal,woeful,abysmal,stunning,staggering,remarkable,
    extraordinary,astonishing,breathtaking,brilliant,impressive,admirable,commendable,misleading,
    deceptive,dubious,questionable,reckless,irresponsible,cynical,hypocritical,naive,troubling,
    worrying,alarming,disturbing,shocking,embarrassing,humiliating,ominous,bleak,grim,dire,promising,
    encouraging,reassuring,disappointing,disappointment,debacle,fiasco,farce,charade,sham,travesty,
    triumph,good news,bad news,great news,welcome news,speaks volumes,speak volumes,says volumes,
    tip of the iceberg,perfect storm,uphill battle,game changer,wake-up call,red flag,double-edged,
    elephant in the room,writing on the wall,bottom line,silver lining,mixed bag,sea change,optics,
    begs the question,make no mistake,needless to say,to be sure,only time will tell,
    remains to be seen,let alone,ironically,tellingly,crucially,strikingly,sadly,to her credit,
    to his credit,to their credit,to its credit,little more than,another matter,stubborn,
    unfortunately,fortunately,predictably,inevitably,undeniably,undoubtedly,obviously,evidently,
    arguably,worryingly,remarkably,importantly,mercifully,thankfully,regrettably"""
)
# Weak: evaluative only in company (intensifiers, hedged verdicts, generic evaluations).
_WEAK = _words(
    """very,extremely,highly,deeply,truly,really,hugely,vastly,utterly,entirely,simply,merely,just,
    even,alone,far,much,significant,significantly,substantial,major,massive,serious,critical,
    crucial,vital,key,important,positive,positively,negative,negatively,strong,weak,fragile,robust,
    healthy,unhealthy,good,bad,better,worse,best,worst,wrong,fair,unfair,clearly,controversy,
    controversial,confusion,trust,mistrust,distrust,likely,unlikely,probably,perhaps,appears,seems,
    must,should,shouldn’t,ought to,problem,risk,risky,danger,dangerous,opportunity,blow,setback,
    struggle,struggling,notably,hawkish,dovish,tricky,derisive,lacklustre,lackluster,modest,meagre,meager,
    sharp,sharply,steep,solid,surprising,surprisingly,unexpected,unexpectedly,failed,failure,refusal,
    reason,because of,due to,driven by,thanks to,supported by,impacted,reflects,reflection,result of,
    factors,mistrust,worried,worry,unusually,unusual,rare,interesting,hard,harder,easy,clear,clearer,
    up to,hardly,barely,only"""
)
# Figurative language common in commentary: quantity metaphors and idioms (any inflection).
_FIGURATIVE = re.compile(
    r"(?<![\w’'-])(?:(?:a|the)\s+(?:mountain|wave|flood|sea|tide|avalanche|barrage|torrent|deluge|litany)\s+of|"
    r"in\s+the\s+public\s+eye|(?:push|press)(?:es|ed|ing)?\s+the\s+(?:boundaries|envelope|limits)|"
    r"cross(?:es|ed|ing)?\s+the\s+line|a\s+far\s+cry|at\s+a\s+crossroads|on\s+thin\s+ice|"
    r"(?:a\s+)?drop\s+in\s+the\s+(?:ocean|bucket)|slap\s+in\s+the\s+face|lion[’']s\s+share|"
    r"house\s+of\s+cards|ticking\s+time\s+bomb|smoking\s+gun|mov(?:e|es|ed|ing)\s+the\s+goalposts|"
    r"shot\s+in\s+the\s+arm|(?:a\s+)?prophecy|irony|squarely)(?![\w’'-])",
    re.IGNORECASE,
)
# A verdict on appearances: "the results look OK", "the deal seems fair".
_VERDICT = re.compile(
    r"(?<![\w’'-])(?:looks?|seems?|appears?|looked|seemed|sounds?)\s+(?:\w+\s+)?(?:ok|okay|good|bad|fine|"
    r"cheap|expensive|fair|unfair|strong|weak|solid|shaky|promising|bleak|great|terrible|healthy|fragile|"
    r"attractive|overdone|overblown|stretched|rich)(?![\w’'-])",
    re.IGNORECASE,
)
# A verdict on what was just said: "That is not a landslide.", "It is, however, a verdict."
_DEICTIC_VERDICT = re.compile(
    r"\s*(?:But\s+|Yet\s+|And\s+)?(?:That|This|It|Which)(?:[’']s|\s+(?:is|was|would\s+be|will\s+be))"
    r"(?:,[^,]{1,20},)?\s+(?:not\s+|now\s+|hardly\s+|no\s+)?(?:a|an|the|up|hard|clear|easy|little)\b"
)
# The writer's own prediction: "If she holds her nerve, the country could become ..."
_WRITER_CONDITIONAL = re.compile(r"\s*If\b[^,]{3,80},\s+[^,]*\b(?:will|would|could|might|may)\b")
_STRONG_RE = re.compile(rf"(?<![\w’'-])(?:{_STRONG})(?![\w’'-])", re.IGNORECASE)
_WEAK_RE = re.compile(rf"(?<![\w’'-])(?:{_WEAK})(?![\w’'-])", re.IGNORECASE)
_READER = re.compile(r"(?<![\w’'-])(?:you|your|we|us|our)(?![\w’'-])", re.IGNORECASE)
_QUOTE_CHARS = '“”"'
_ATTRIBUTION = re.compile(
    r"(?<![\w’'-])(?:said|says|say|told|tells|according\s+to|wrote|writes|added|adds)(?![\w’'-])",
    re.IGNORECASE,
)


def _score(text: str) -> tuple[int, str]:
    """(score, first cue) of one sentence's text."""
    strong = _STRONG_RE.findall(text)
    weak = _WEAK_RE.findall(text)
    figures = len(_VERDICT.findall(text)) + len(_FIGURATIVE.findall(text))
    score = 2 * len(strong) + len(weak) + 2 * figures
    if text.rstrip().endswith("?"):
        score += 2  # a rhetorical question in the outlet's own text
    if _READER.search(text):
        score += 1  # the reader addressed: "you", "we"
    if _DEICTIC_VERDICT.match(text) or _WRITER_CONDITIONAL.match(text):
        score += 1  # "That is not a landslide.", "If she folds, it will confirm ..."
    words = text.split()
    if len(words) <= 6 and not any(w[:1].isdigit() for w in words) and text.rstrip()[-1:] in ".!":
        score += 1  # a terse aside ("Heard, perhaps.") is the writer talking
    cue = (strong or _FIGURATIVE.findall(text) or _VERDICT.findall(text) or weak or ["?"])[0]
    return score, " ".join(cue.split())


def _covered(spans: list[Span], starts: list[int], a: int, b: int) -> bool:
    """More than a third of [a, b) lies inside claims (bounded scan around the position)."""
    i = bisect.bisect_right(starts, b)
    inside = 0
    for s, e in spans[max(0, i - 8) : i]:
        inside += max(0, min(b, e) - max(a, s))
    return inside > (b - a) / 3


def _quoted(doc: Document, sent: Sentence) -> bool:
    text = doc.text[sent.start : sent.end]
    return (
        any(c in text for c in _QUOTE_CHARS)
        and len(text.strip(_QUOTE_CHARS + " .")) > 0
        and (text.lstrip()[:1] in _QUOTE_CHARS or text.count("“") + text.count('"') >= 2)
    )


def find_editorial(doc: Document, covered: list[Span]) -> list[Claim]:
    """Editorial claims (ids left empty) for evaluative sentences outside every claim and quote."""
    spans = sorted(covered)
    starts = [s for s, _ in spans]
    out = []
    for sent in doc.sentences:
        if sent.kind not in ("body", "headline") or sent.end - sent.start > MAX_SENTENCE:
            continue
        if _covered(spans, starts, sent.start, sent.end):
            continue
        text = doc.text[sent.start : sent.end]
        if _quoted(doc, sent) or _ATTRIBUTION.search(text):
            continue
        score, cue = _score(text)
        if score >= THRESHOLD:
            out.append(
                Claim(
                    id="",
                    speaker_id="",
                    speaker="",
                    cue=cue,
                    mode="editorial",
                    text=text,
                    start=sent.start,
                    end=sent.end,
                    sentence_id=sent.id,
                    claim_type="assessment",
                )
            )
    return out
