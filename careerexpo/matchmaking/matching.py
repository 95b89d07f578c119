"""How well one candidate and one role fit, and why, in terms a person can check.

Both directions use it: a candidate's recommended roles and a booth's suggested
candidates. Text is compared the way search compares it (``search/analysis.py``:
one width, one case, Simplified Chinese), so a skill typed in Traditional Chinese
finds a role written in Simplified and the other way round.

The score is the share of what the candidate asked for that the role meets, each
kind weighted (``WEIGHTS``); kinds the candidate left blank are not counted, so an
empty field neither helps nor hurts.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from careerexpo.core.enums import Degree
from careerexpo.search.analysis import CJK, normalise, query_terms

# Reason kinds (DOMAIN.md, "Matchmaking"), heaviest first.
WEIGHTS = {"skill": 0.35, "text": 0.15, "level": 0.15, "area": 0.1, "function": 0.1,
           "region": 0.1, "degree": 0.05}
# A candidate with many skills is not expected to find them all in one role.
SKILLS_FOR_FULL_MARKS = 3
HEADLINE_WORDS_FOR_FULL_MARKS = 2
TOP_REASONS = 3
DEGREE_ORDER = [d.value for d in Degree]
_SKILL_SEPARATORS = re.compile(r"[,;，；、/\n|]+")
_CJK_RUN = re.compile(f"[{CJK}]+")
# Words of a headline that say nothing about the work.
STOPWORDS = frozenset("""a an and or the of in on at to for with by from as is am are be i my me
my our we you your years year yrs experience experienced seeking looking new fresh graduate
""".split())


@dataclass(frozen=True)
class Term:
    """Something a person typed (``shown``) and what must be in a role's text to match it."""

    shown: str
    parts: tuple[tuple[str, str], ...]  # ("word", w) or ("run", cjk_text)


@dataclass
class Wants:
    """What a candidate is looking for, ready to compare with many roles."""

    candidate_id: int
    skills: list[Term] = field(default_factory=list)
    headline: list[Term] = field(default_factory=list)
    liked: list[tuple[str, str, list[Term]]] = field(default_factory=list)  # title, how, terms
    levels: frozenset = frozenset()
    degree: str | None = None
    regions: frozenset = frozenset()
    areas: frozenset = frozenset()
    functions: frozenset = frozenset()

    def stated(self) -> dict[str, float]:
        """The weight of each kind the candidate said something about."""
        present = {"skill": self.skills, "text": self.headline or self.liked,
                   "level": self.levels, "area": self.areas, "function": self.functions,
                   "region": self.regions, "degree": self.degree}
        return {kind: w for kind, w in WEIGHTS.items() if present[kind]}


@dataclass
class RoleText:
    """A role's words and Chinese text, normalised once for every comparison."""

    job_id: int
    title: str
    title_text: str
    text: str
    level: str
    degree: str
    region: str
    area: str
    function: str


@dataclass
class Reason:
    kind: str
    weight: float
    # What the words need: matched skills, the headline's words, a liked role's title…
    values: dict


@dataclass
class Fit:
    score: float
    reasons: list[Reason]


def _terms(text: str) -> list[tuple[str, str]]:
    parts = []
    for kind, tokens in query_terms(text):
        if kind == "word":
            parts.append(("word", tokens[0]))
        else:  # a CJK run (its bigrams, joined back) or a single character
            parts.append(("run", tokens[0] + "".join(t[1] for t in tokens[1:])))
    return parts


def skill_terms(skills: str) -> list[Term]:
    """Each comma- (or 、/；-) separated skill, all of whose words must be in a role."""
    out, seen = [], set()
    for raw in _SKILL_SEPARATORS.split(skills or ""):
        shown = raw.strip()
        parts = tuple(_terms(shown))
        if parts and parts not in seen:
            seen.add(parts)
            out.append(Term(shown, parts))
    return out


def text_terms(text: str) -> list[Term]:
    """Each telling word of free text, and each Chinese run, to be matched on its own."""
    out, seen = [], set()
    # Chinese is shown as the person wrote it (Traditional stays Traditional).
    written = iter(_CJK_RUN.findall(unicodedata.normalize("NFKC", text or "")))
    for kind, value in _terms(text):
        shown = next(written, value) if kind == "run" else value
        if kind == "word" and (value in STOPWORDS or len(value) < 2 or value.isdigit()):
            continue
        if (kind, value) not in seen:
            seen.add((kind, value))
            out.append(Term(shown if len(shown) == len(value) else value, ((kind, value),)))
    return out


def role_text(job) -> RoleText:
    """A role (a ``Job`` or a row with the same attributes) ready for comparing.

    Only normalised, not split into words: a candidate has a handful of words to look
    for, and finding each (``has_word``) costs less than splitting a whole description.
    """
    title = normalise(job.title)
    return RoleText(job.id, job.title, title, title + "\n" + normalise(job.description),
                    _key(job.level), _key(job.degree), _key(job.region), _key(job.area),
                    _key(job.function))


def _joins_word(char: str) -> bool:
    return char.isalnum() or char in "+#"


def has_word(word: str, text: str) -> bool:
    """``word`` in ``text`` as a word of its own, as search finds it: ``c`` is not in
    ``c++``, ``java`` not in ``javascript``, but ``js`` is in ``node.js``."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if ((start == 0 or not text[start - 1].isalnum())
                and (end == len(text) or not _joins_word(text[end]))):
            return True
        start = text.find(word, start + 1)
    return False


def _key(value) -> str:
    return getattr(value, "value", value)


def _longest_runs(run: str, text: str) -> list[str]:
    """The longest pieces (two characters or more) of a Chinese run found in ``text``."""
    found, i = [], 0
    while i < len(run) - 1:
        for j in range(len(run), i + 1, -1):
            if run[i:j] in text:
                found.append(run[i:j])
                i = j
                break
        else:
            i += 1
    return found


def _matches(term: Term, role: RoleText, title_only: bool = False) -> bool:
    text = role.title_text if title_only else role.text
    for kind, value in term.parts:
        if kind == "word" and not has_word(value, text):
            return False
        if kind == "run" and value not in text:
            return False
    return True


def _headline_hits(terms: list[Term], role: RoleText) -> list[str]:
    hits = []
    for term in terms:
        kind, value = term.parts[0]
        if kind == "word":
            if has_word(value, role.text):
                hits.append(value)
        elif len(value) > 1:  # one character says too little on its own
            for piece in _longest_runs(value, role.text):
                start = value.index(piece)
                hits.append(term.shown[start:start + len(piece)])
    return hits


def fit(wants: Wants, role: RoleText) -> Fit:
    """How well ``role`` meets ``wants``, from 0 to 1, with the reasons heaviest first."""
    stated = wants.stated()
    total = sum(stated.values())
    if not total:
        return Fit(0.0, [])
    reasons = []
    if "skill" in stated:
        hits = [t.shown for t in wants.skills if _matches(t, role)]
        if hits:
            share = min(1.0, len(hits) / min(len(wants.skills), SKILLS_FOR_FULL_MARKS))
            reasons.append(Reason("skill", stated["skill"] * share, {"skills": hits}))
    if "text" in stated:
        reasons += _text_reasons(wants, role, stated["text"])
    for kind, wanted, have in (("level", wants.levels, role.level),
                               ("area", wants.areas, role.area),
                               ("function", wants.functions, role.function),
                               ("region", wants.regions, role.region)):
        if kind in stated and have in wanted:
            reasons.append(Reason(kind, stated[kind], {kind: have}))
    if "degree" in stated and _degree_meets(wants.degree, role.degree):
        reasons.append(Reason("degree", stated["degree"],
                              {"asked": role.degree, "yours": wants.degree}))
    reasons.sort(key=lambda r: -r.weight)
    return Fit(round(sum(r.weight for r in reasons) / total, 4), reasons[:TOP_REASONS])


def _text_reasons(wants: Wants, role: RoleText, weight: float) -> list[Reason]:
    """The headline's words in the role, or a role they saved or applied to much like it:
    whichever says more, as one reason."""
    best = None
    hits = _headline_hits(wants.headline, role)
    if hits:
        share = min(1.0, len(hits) / HEADLINE_WORDS_FOR_FULL_MARKS)
        best = Reason("text", weight * share, {"words": hits[:4]})
    for title, how, terms in wants.liked:
        if not terms:
            continue
        found = sum(1 for t in terms if _matches(t, role, title_only=True))
        share = found / len(terms)
        if share >= 0.5 and (best is None or weight * share * 0.8 > best.weight):
            best = Reason("text", weight * share * 0.8, {"title": title, "how": how})
    return [best] if best else []


def _degree_meets(yours: str | None, asked: str) -> bool:
    if yours is None or asked not in DEGREE_ORDER or yours not in DEGREE_ORDER:
        return False
    return DEGREE_ORDER.index(yours) >= DEGREE_ORDER.index(asked)
