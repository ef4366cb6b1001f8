"""The corrections file: read it, check every entry, and say where a malformed one is.

One YAML file per article (``data/reviews/<article stem>.yaml``)::

    corrections:
      - merge: Zelenskky               # an actor, by its name or a name the text gives it
        into: Volodymyr Zelenskyy
      - reassign: "we are ready"       # a claim, by a piece of its text (or [start, end])
        speaker: Jane Roe
        note: the next paragraph names her

Each entry has exactly one action key (the first word above) naming its target, the fields that action
takes, and an optional ``note``. A malformed file is refused with the line and the problem
(:class:`briefing.errors.InputError`, exit 2); an entry that no longer matches the article is not
malformed: :mod:`briefing.reviews.apply` reports it as a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from briefing.errors import InputError
from briefing.model import ACTOR_KINDS

Target = str | tuple[int, int] | date


@dataclass(frozen=True)
class Action:
    """What one kind of correction refers to and which fields it takes."""

    target: str  # "actor", "claim" (text or offsets), "text" (text or offsets), "date"
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    help: str = ""


ACTIONS: dict[str, Action] = {
    "merge": Action(
        "actor", ("into",), (), "two actors are one: the first's mentions and claims go to `into`"
    ),
    "rename": Action("actor", ("to",), (), "the actor's canonical name"),
    "set": Action("actor", (), ("kind", "role", "affiliation", "side", "group"), "the actor's fields"),
    "drop_actor": Action("actor", (), (), "not an actor: its mentions go, its claims lose their speaker"),
    "reassign": Action("claim", ("speaker",), ("from", "kind", "at"), "the claim's speaker"),
    "drop_claim": Action("claim", (), ("from", "at"), "not a claim"),
    "add_claim": Action("text", (), ("speaker", "mode", "cue", "type", "kind", "at"), "a claim it missed"),
    "editorial": Action("text", (), ("at",), "the sentence holding this text is the outlet's opinion"),
    "not_editorial": Action(
        "text", (), ("at",), "the sentence holding this text is not the outlet's opinion"
    ),
    "published": Action("date", (), (), "the publication date (YYYY-MM-DD)"),
}
COMMON = ("note",)
TOP_LEVEL = ("article", "corrections")
ADDABLE_MODES = ("direct", "indirect", "unattributed")
SET_FIELDS = ACTIONS["set"].optional


@dataclass(frozen=True)
class Correction:
    """One entry of the file, checked: its action, what it refers to, its fields, and its line."""

    action: str
    target: Target
    line: int
    fields: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.fields).get(key, default)

    def describe(self) -> str:
        """A short human form for messages: ``reassign “we are ready” to Jane Roe``."""
        what = f"{self.action} {show(self.target)}"
        if self.action == "set":
            return what + ": " + ", ".join(f"{k} {show(v)}" for k, v in self.fields if k in SET_FIELDS)
        for key, word in (("into", "into"), ("to", "to"), ("speaker", "to")):
            if self.get(key) is not None and self.action != "add_claim":
                return f"{what} {word} {show(self.get(key))}"
        return what


def show(value: object, limit: int = 60) -> str:
    if isinstance(value, tuple):
        return f"[{value[0]}, {value[1]}]"
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


class Malformed(Exception):
    """A problem at a line of the file (1-based); ``parse`` turns it into an InputError."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


# ------------------------------------------------------------------ values


def _text(value: Any, line: int, what: str, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise Malformed(line, f"{what} must be {'text' if empty else 'non-empty text'}, got {value!r}")
    return str(value)


def _offset(value: Any, line: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Malformed(line, f"{what} must be a character offset (a whole number from 0), got {value!r}")
    return int(value)


def _span_or_text(value: Any, line: int, action: str) -> str | tuple[int, int]:
    if isinstance(value, list):
        if len(value) != 2:
            raise Malformed(line, f"{action}: offsets must be [start, end], got {len(value)} numbers")
        start, end = (_offset(v, line, f"{action} offset") for v in value)
        if start >= end:
            raise Malformed(line, f"{action}: [start, end] needs start < end, got [{start}, {end}]")
        return start, end
    if isinstance(value, str) and value.strip():
        return str(value)
    raise Malformed(line, f"{action} needs a piece of the article's text or [start, end], got {value!r}")


def _date(value: Any, line: int) -> date:
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise Malformed(line, f"published must be a date YYYY-MM-DD, got {value!r}") from None


def _field(key: str, value: Any, line: int) -> Any:
    if key == "at":
        return _offset(value, line, "at")
    if key == "kind":
        if value not in ACTOR_KINDS:
            raise Malformed(line, f"kind must be one of {', '.join(ACTOR_KINDS)}, got {value!r}")
        return str(value)
    if key == "mode":
        if value not in ADDABLE_MODES:
            raise Malformed(line, f"mode must be one of {', '.join(ADDABLE_MODES)}, got {value!r}")
        return str(value)
    if key in ("into", "to", "from", "type"):
        return _text(value, line, key)
    return _text(value, line, key, empty=True)  # speaker, cue, role, affiliation, side, group, note


# ------------------------------------------------------------------ entries


def _line_of_key(node: Any, key: object, default: int) -> int:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return default


def entry(node: Any, line: int) -> Correction:
    """One entry (a mapping) checked against ``ACTIONS``; ``line`` is where it starts."""
    if not isinstance(node, dict):
        raise Malformed(line, f"each correction is a mapping such as `reassign: ...`, got {node!r}")
    keys = [k for k in node if k in ACTIONS]
    if len(keys) != 1:
        found = "none" if not keys else ", ".join(map(str, keys))
        raise Malformed(line, f"a correction needs exactly one action ({', '.join(ACTIONS)}); found {found}")
    action = keys[0]
    spec = ACTIONS[action]
    allowed = {action, *spec.required, *spec.optional, *COMMON}
    for key in node:
        if key not in allowed:
            hint = f"; {action} takes {', '.join(sorted(allowed - {action}))}" if allowed - {action} else ""
            raise Malformed(_line_of_key(node, key, line), f"unknown field {key!r} in {action}{hint}")
    for key in spec.required:
        if key not in node:
            raise Malformed(line, f"{action} needs `{key}:`")
    raw = node[action]
    if spec.target == "actor":
        target: Target = _text(raw, line, action)
    elif spec.target == "date":
        target = _date(raw, line)
    else:
        target = _span_or_text(raw, line, action)
    fields = tuple(
        (k, _field(str(k), v, _line_of_key(node, k, line))) for k, v in node.items() if k != action
    )
    c = Correction(action, target, line, fields)
    _check_combination(c)
    return c


def _check_combination(c: Correction) -> None:
    if c.action == "set" and not any(c.get(k) is not None for k in SET_FIELDS):
        raise Malformed(c.line, f"set needs at least one of {', '.join(SET_FIELDS)}")
    if c.action == "add_claim" and c.get("mode") != "unattributed" and not c.get("speaker"):
        raise Malformed(c.line, "add_claim needs `speaker:` (or `mode: unattributed`)")
    if isinstance(c.target, tuple) and c.get("at") is not None:
        raise Malformed(c.line, "`at:` chooses among repeated text; offsets [start, end] need none")


# ------------------------------------------------------------------ the file


def parse(text: str, path: Path | str = "<corrections>") -> tuple[Correction, ...]:
    """Every correction of a file's text, in order; malformed: InputError(path, "line N: problem")."""
    try:
        return _parse(text)
    except Malformed as exc:
        raise InputError(path, f"line {exc.line}: {exc.problem}") from None


def _parse(text: str) -> tuple[Correction, ...]:
    from ruamel.yaml import YAML  # the round-trip loader knows every node's line
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as exc:
        raise Malformed(_error_line(exc, text), _error_problem(exc)) from None
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise Malformed(1, "the file must be a mapping with `corrections:` (a list of corrections)")
    for key in data:
        if key not in TOP_LEVEL:
            raise Malformed(
                _line_of_key(data, key, 1), f"unknown key {key!r} (expected {', '.join(TOP_LEVEL)})"
            )
    if "article" in data and data["article"] is not None:
        _text(data["article"], _line_of_key(data, "article", 1), "article")
    items = data.get("corrections") or []
    if not isinstance(items, list):
        raise Malformed(
            _line_of_key(data, "corrections", 1), "`corrections:` must be a list (entries start `- `)"
        )
    return tuple(entry(node, _item_line(items, i)) for i, node in enumerate(items))


def _item_line(seq: Any, i: int) -> int:
    try:
        return int(seq.lc.item(i)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return 1


def _error_line(exc: Exception, text: str) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(exc, "position", None)
    return text[: int(position)].count("\n") + 1 if isinstance(position, int) else 1


def _error_problem(exc: Exception) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    return f"not valid YAML: {problem}" + (f" ({context})" if context else "")


def read(path: Path) -> tuple[Correction, ...]:
    """The corrections of a file on disk (see :func:`parse`)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"line {line}: not UTF-8 text") from None
    return parse(text, path)
