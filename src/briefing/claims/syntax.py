"""Acts of communication read from the dependency parse: a cue, its source and its content.

For every verb whose lemma is a speech verb of the lexicon, the parse gives
- the content: the clausal complement ("said [that the talks failed]"); for verbs that can take an
  object ("announced [his candidacy]", "urged [Congress to act]", "called [the plan a disaster]",
  "accused [him of lying]") the object and what completes it; for a cue set after or inside its clause
  ("The talks failed, he said." / "Most of it, he said, goes ...") the clause it hangs on;
- the source: the cue's subject; the agent of a passive ("was quoted by"); for a participle or a
  coordinated verb ("..., saying ...", "... but said ...") the subject of the verb it depends on; for
  a relative clause ("X, who said ...") the noun it describes.
"According to X" makes X the source of the clause it is attached to.

Spans are character offsets into the document. Nothing here knows any name or any article: the
speech verbs are the lexicon's (``lexicon/speech_verbs.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefing.lexicon import Lexicon, SpeechVerb

Span = tuple[int, int]

_SUBJECT = ("nsubj", "csubj")
_OBJECT = {"dobj", "dative", "oprd", "xcomp", "attr"}
_OBJECT_PREPS = {"of", "as", "about", "against", "over", "to"}  # "accused him of", "described it as"
_LONE_PREPS = {"against", "of", "about"}  # "cautioned against ...", "warned of ..." with no object
_INVERTED = {"parataxis", "advcl"}  # a cue hung on the clause it reports
_INHERITS_SUBJECT = {"advcl", "xcomp", "conj", "pcomp", "acl"}  # "..., saying", "and said", "by saying"
_MARK_QUESTION = {"if", "whether"}
_EDGE = set(" \n\t,;:–—-“”\"‘’'()")


@dataclass(frozen=True)
class Attribution:
    """One act of communication found in the parse."""

    cue: Span  # the cue words ("said", "called for", "according to")
    lemma: str
    verb: Token  # the cue's head word (the verb, or "according")
    source: Token | None  # the head word of the source noun phrase, None when the parse shows none
    content: Span  # what was communicated
    how: str  # "clause", "object", "inverted", "according"


def span_of(tokens: Iterable[Token]) -> Span | None:
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _longest_run(tokens: Iterable[Token], without: set[int]) -> list[Token]:
    """Of ``tokens`` minus the indices in ``without``, the longest stretch of adjacent tokens: the
    clause around an inserted or trailing attribution ("Most of it, he said, goes" -> both sides)."""
    tokens = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    runs: list[list[Token]] = [[]]
    for t in tokens:
        if t.i in without:
            runs.append([])
        elif runs[-1] and t.i != runs[-1][-1].i + 1:
            runs.append([t])
        else:
            runs[-1].append(t)
    own = [t for t in tokens if t.i not in without]
    words = [t for t in own if not t.is_punct]
    inserted = bool(words) and words[0].i < min(without) and max(without) < words[-1].i
    if inserted and not any(t.text in ".;" for t in tokens if t.i in without):
        return own  # an attribution inside the clause: the whole clause
    return max(runs, key=lambda r: sum(len(t) for t in r))


def _without_mark(tokens: list[Token]) -> list[Token]:
    """A that-clause without its "that": the content is what follows."""
    toks = sorted(tokens, key=lambda t: t.i)
    if toks and toks[0].dep_ == "mark" and toks[0].lower_ == "that":
        return toks[1:]
    return toks


def trim(text: str, span: Span | None) -> Span | None:
    """The span without punctuation and quote marks at its edges (a final full stop stays)."""
    if span is None:
        return None
    a, b = span
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        if text[b - 1] in '”’"' and _opens_inside(text, a, b - 1, text[b - 1]):
            break  # the closing mark of a quotation that opens inside the span stays
        b -= 1
    if text[b : b + 1] in (".", "!", "?") and text[b + 1 : b + 2] in ("", " ", "\n", "”", '"', "’"):
        b += 1  # the sentence's own full stop, when the content runs to it
    return (a, b) if sum(c.isalpha() for c in text[a:b]) >= 2 else None


def _opens_inside(text: str, a: int, b: int, close: str) -> bool:
    opening = {"”": "“", "’": "‘", '"': '"'}[close]
    inside = text[a:b]
    if close == '"':
        return inside.count('"') % 2 == 1
    return inside.count(opening) > inside.count(close)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _subject(verb: Token) -> Token | None:
    if _is_passive(verb):  # "was quoted by X"; "is expected to", "was told": no speaker here
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT and not _bracketed(c)]
    subj = subjects[0] if subjects else None
    if subj is None and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return _inverted_subject(verb)
    return subj


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("X, who said ...": X), else None."""
    verb = tok.head
    relative = tok.tag_ in ("WP", "WDT") or (tok.lower_ == "that" and tok.dep_ in _SUBJECT)
    if relative and verb.dep_ == "relcl" and verb.head is not verb:
        return verb.head
    return None


def _bracketed(tok: Token) -> bool:
    """A word in brackets, as a dateline's agency: "(AP) — A federal judge ruled": not the subject."""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].text == "(") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")")


def _inverted_subject(verb: Token) -> Token | None:
    """ "“...,” wrote Fadem": after a quoted clause the parser may take the inverted subject for an
    object; the first noun after the verb is the one who wrote."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "dative") and c.pos_ in ("PROPN", "NOUN"):
            return c
    return None


_FINITE = ("VBD", "VBZ", "VBP")  # a verb with a tense, unlike "saying" or "to say"


def _coordinated(verb: Token) -> bool:
    """A conjunct verb joined to its head by a coordinator of the head's ("X stood up and said")."""
    head = verb.head
    return any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)


def source_of(verb: Token) -> Token | None:
    """Who communicates: the verb's subject, or that of the verb a participle or conjunct hangs on."""
    if verb.dep_ in ("conj", "advcl") and verb.head.dep_ == "ccomp" and _subject(verb) is None:
        return source_of(verb.head.head)  # hung on a reported clause (see ``_joined_cues``)
    for _ in range(4):
        subj = _subject(verb)
        if subj is not None or _is_passive(verb):
            return subj
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ not in _INHERITS_SUBJECT or verb.head is verb:
            return None
        if verb.dep_ == "conj" and not _coordinated(verb):
            return None  # "after Germany and its partners called for ...": a conjunct by a wrong parse
        if verb.dep_ == "advcl" and verb.tag_ in _FINITE:
            # "..., after Ukraine and its allies called for a ceasefire": a finite clause has a subject
            # of its own, which the parser lost; the main clause's would put words in the wrong mouth
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "a statement saying ..."
        verb = verb.head
    return None


def _clause(verb: Token, heads: frozenset[str], side: str = "right") -> list[Token]:
    """The reported clause: a that-clause or a quoted clause after the cue (``side="right"``), or the
    clause before a cue set after it ("The talks failed, he said."; ``side="left"``)."""
    comps = [c for c in verb.children if c.dep_ == "ccomp" and (c.i > verb.i) == (side == "right")]
    if side == "right":
        comps += [
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _MARK_QUESTION for g in c.children)
        ]
    elif comps and not _set_off(comps[-1], verb):
        return []
    out: list[Token] = []
    for c in comps:
        drop = {t.i for v in _joined_cues(c, heads) for t in _with_cc(v)}
        drop |= _leading_adjuncts(verb, c)
        out.extend(t for t in c.subtree if t.i not in drop)
        out.extend(_object_before(verb, c))
    return _without_mark(out)


def _set_off(clause: Token, verb: Token) -> bool:
    """A clause before its cue is reported by it only when set off by a comma or a quote mark, with no
    semicolon or full stop between ("..., he said" but not "...; Egypt, which ..., has called it ...")."""
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    marks = {t.text for t in between if t.is_punct}
    return bool(marks & {",", "”", '"', "’", "—", "–"}) and not marks & {";", ".", ":"}


def _object_before(verb: Token, clause: Token) -> list[Token]:
    """ "said the restructuring, internally dubbed ..., would save ...": the parser may hang the
    reported clause's subject on the cue as its object; it belongs to the clause."""
    return [
        t
        for c in verb.children
        if c.dep_ == "dobj" and verb.i < c.i < clause.i and clause.i > verb.i
        for t in c.subtree
    ]


def _joined_cues(head: Token, heads: frozenset[str]) -> list[Token]:
    """Speech verbs coordinated onto a reported clause with no subject of their own ("claimed the
    result was distorted and demanded a recount"): they continue the reporting subject's speech."""
    return [
        c
        for c in head.children
        if c.dep_ in ("conj", "advcl")
        and c.lemma_.lower() in heads
        and c.pos_ == "VERB"
        and _subject(c) is None
        and (c.dep_ == "conj" or c.tag_ == "VBG")  # "..., stating that ...": the reporter goes on
    ]


def _without_other_speakers(tokens: list[Token], heads: frozenset[str]) -> list[Token]:
    """Clauses inside a content ("..., though Zelenskyy has acknowledged that ...", "..., as Sudan said
    floods ...", "... but the minister said ...") that hold an act of communication with a subject of
    its own: what that subject says is its own claim, not part of the first speaker's."""
    inside = {t.i for t in tokens}
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ not in ("advcl", "conj", "parataxis") or t.head.i not in inside or t.i in drop:
            continue
        if any(v.lemma_.lower() in heads and v.pos_ == "VERB" and _subject(v) is not None for v in t.subtree):
            drop |= {x.i for x in _with_cc(t)}
    return [t for t in tokens if t.i not in drop]


def _with_cc(conj: Token) -> list[Token]:
    cc = [t for t in conj.head.children if t.dep_ in ("cc", "punct", "mark") and t.i == conj.left_edge.i - 1]
    return [*cc, *conj.subtree]


def _leading_adjuncts(verb: Token, clause: Token) -> set[int]:
    """ "said on Wednesday it was ...": a phrase between the cue and the reported clause's subject
    qualifies the saying, not what was said."""
    subj = next((c for c in clause.children if c.dep_ in _SUBJECT), None)
    if subj is None or clause.left_edge.i != verb.i + 1:
        return set()
    return {
        t.i
        for c in clause.children
        if c.dep_ in ("prep", "npadvmod") and c.i < subj.i and c.left_edge.i == verb.i + 1
        for t in c.subtree
    }


def _object(verb: Token, particles: frozenset[str]) -> list[Token]:
    """ "announced [his candidacy]", "urged [Congress to act]", "called for [a ban]", "called on [the
    Commission to act]"."""
    out: list[Token] = []
    for c in verb.children:
        if c.i < verb.i or c.dep_ == "prt":
            continue
        if c.dep_ in _OBJECT:
            out.extend(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in particles:
            out.extend(t for t in c.subtree if t is not c)
        elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in particles for g in c.children):
            out.extend(t for t in c.subtree if not (t.dep_ == "mark" and t.lower_ in particles))
        elif c.dep_ == "advcl" and out and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            out.extend(c.subtree)  # "called on the Commission [to open proceedings]"
        elif c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and (out or c.lower_ in _LONE_PREPS):
            out.extend(c.subtree)
    return out


def _after_that(verb: Token) -> list[Token]:
    """When the parse hangs a that-clause elsewhere ("wrote in a 48-page order that the law ...",
    "argued that the boards ..."): what follows the first "that" near the cue, within the cue's phrase."""
    window = verb.doc[verb.i + 1 : min(len(verb.doc), verb.i + 9)]
    that = next((t for t in window if t.lower_ == "that" and t.dep_ in ("mark", "dobj")), None)
    if that is None or any(t.is_punct and t.text in ".;" for t in window if t.i < that.i):
        return []
    before = verb.doc[that.i - 1]
    if that.i > verb.i + 1 and before.pos_ in ("NOUN", "PROPN") and before.dep_ != "pobj":
        return []  # "posted a video that ...": a relative clause of the object, not what was said
    return [t for t in verb.subtree if t.i > that.i and not t.is_space]


def _inverted(verb: Token, subordinators: frozenset[str] = frozenset()) -> list[Token]:
    """ "The talks failed, he said." / "Most of it, he said, goes ...": the clause the cue hangs on.
    Not under a subordinator ("..., when, in fact, he responded"): that is a circumstance."""
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in subordinators for c in verb.children):
        return []
    head = verb.head
    # "As X observed, Y": an as-clause before its head reports it ("Y, as most companies reported" need not)
    as_clause = verb.i < head.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if (
        verb.dep_ not in _INVERTED
        or head is verb
        or (head.i > verb.i and verb.dep_ != "parataxis" and not as_clause)
    ):
        return []
    if head.pos_ not in ("VERB", "AUX") or head.sent != verb.sent:
        return []
    return _longest_run(head.subtree, {t.i for t in verb.subtree})


def content_of(
    verb: Token, sv: SpeechVerb, particles: frozenset[str], lex: Lexicon
) -> tuple[list[Token], str]:
    """The tokens of what was communicated, and how they were found."""
    tokens, how = _content_of(verb, sv, particles, lex)
    return _without_other_speakers(tokens, lex.verb_heads), how


def _content_of(
    verb: Token, sv: SpeechVerb, particles: frozenset[str], lex: Lexicon
) -> tuple[list[Token], str]:
    heads = lex.verb_heads
    if clause := _clause(verb, heads):
        return clause, "clause"
    obj = _object(verb, particles) if sv.content == "object" and not sv.belief else []
    if obj and _completed(obj, sv.needs):
        return obj, "object"
    if verb.dep_ == "relcl":
        return [], ""  # "terms Kyiv has rejected": a relative clause's object is its antecedent
    if clause := _clause(verb, heads, side="left"):
        return clause, "inverted"
    if not sv.belief and (inv := _inverted(verb, lex.subordinators)):
        return inv, "inverted"
    if after := _after_that(verb):
        return after, "clause"
    return [], ""


def _completed(obj: list[Token], needs: str) -> bool:
    """The object content has what the verb needs to be speech: "as" ("rejected it as baseless"), an
    infinitive ("told them to leave"), or a name given to the object ("called it a disaster", "called
    it “crazy”": the parser may read the name as an object predicate or an appositive)."""
    if not needs:
        return True
    if any(t.dep_ == needs or t.lower_ == needs for t in obj):
        return True
    if needs == "oprd":
        named = any(t.dep_ == "appos" and t.left_edge.lower_ in ("a", "an") for t in obj)
        return named or any(t.text in ("“", '"') for t in obj)
    return False


def _cue_words(verb: Token, particles: frozenset[str]) -> list[Token]:
    """The verb, with its particle when the lexicon lists the pair and the particle follows it."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.lower_ in particles and nxt.dep_ in ("prt", "prep", "mark"):
        return [verb, nxt]
    return [verb]


def attributions(doc: Doc, lex: Lexicon) -> Iterator[Attribution]:
    """Every speech verb of ``doc`` with its source and content, in text order."""
    heads = lex.verb_heads
    text = doc.text  # spaCy joins its tokens' text on every call: once per document, not per verb
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in heads:
            continue
        found = _attribution(text, tok, lex)
        if found is not None:
            yield found


def _attribution(text: str, verb: Token, lex: Lexicon) -> Attribution | None:
    head = verb.lemma_.lower()
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in lex.carry_on_verbs | lex.verb_heads:
        return None  # "declined to say", "wants to tell": no statement
    if verb.dep_ in ("pcomp", "pobj", "csubj"):
        return None  # "theories about why Putin called for talks": a topic, not a statement
    particles = lex.particles(head)
    words = _cue_words(verb, particles)
    lemma = " ".join(t.lemma_.lower() for t in words)
    sv = lex.verb(lemma) or lex.verb(head)
    if sv is None:
        return None
    tokens, how = content_of(verb, sv, particles if len(words) > 1 else frozenset(), lex)
    content = trim(text, span_of(tokens))
    cue = span_of(words)
    if cue is None:
        return None
    if content is None:  # "told reporters, “...”": the parse may miss the quote that follows
        content, how = (cue[1], cue[1]), "bare"
    return Attribution(cue, sv.lemma, verb, source_of(verb), content, how)


def according_to(doc: Doc) -> Iterator[Attribution]:
    """ "..., according to X": X is the source of the clause "according" hangs on."""
    text = doc.text
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        head = tok.head
        if obj is None or head is tok or head.sent != tok.sent:
            continue
        content = trim(text, span_of(_longest_run(head.subtree, {t.i for t in tok.subtree})))
        if content is not None:
            yield Attribution((tok.idx, to.idx + len(to)), "according to", tok, obj, content, "according")


def speech_nouns(doc: Doc, lex: Lexicon) -> Iterator[Attribution]:
    """ "his often-repeated vow that Britain would leave", "the ministry's claim that ...": a noun of
    communication with a that-clause; its owner (a possessive, or "by/of/from X") is the source."""
    text = doc.text
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.speech_nouns:
            continue
        clause = next(
            (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and _opens_with_that(c)), None
        )
        owner = _owner(tok)
        if clause is None or owner is None:
            continue
        content = trim(text, span_of(_without_mark(list(clause.subtree))))
        if content is not None:
            yield Attribution((tok.idx, tok.idx + len(tok)), tok.lemma_.lower(), tok, owner, content, "noun")


def _opens_with_that(clause: Token) -> bool:
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"


def _owner(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "of", "from") and c.i < noun.i + 3:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None
