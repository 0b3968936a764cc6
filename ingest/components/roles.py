"""``praxis_roles``: the role of each organisation in the project.

Cues, strongest first, looked for around each mention of an organisation:

* the same list line or the heading of its section ("Koordinátor", "Partneři",
  "Leitung der Entwicklungspartnerschaft", "PARTNERS AND ROLES"), or a bracketed role
  right after the name ("Váltó-sáv Alapítvány – Hungary (coordinator)");
* role words in the same sentence ("wnioskodawca", "žadatel", "Projektträger",
  "project promoter", "lead partner", "partnerem projektu");
* funding words with a public funder body ("financuje Ministerstvo …") → funder.

A partner from a donor state (Norway, Iceland, Liechtenstein) in an EEA/Norway Grants
project is a donor-partner. Everything else is ``mentioned``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.sentences import doc_text, sentence_bounds
from ingest.normalise import fold
from ontology import ROLE_STRENGTH

ROLE_CUES: dict[str, re.Pattern[str]] = {
    "donor-partner": re.compile(
        r"\b(donor (project )?partner\w*|donorsk\w* partner\w*|partner\w* z panstw darczyncow|"
        r"partner\w* (z|iz) (norsk|norway|norveske|norwegii)\w*)\b"
    ),
    "coordinator": re.compile(
        r"\b(koordinator\w*|koordinuj\w*|zadatel\w*|prijemce|prijemcem|nositel\w*|"
        r"vedouci partner\w*|wnioskodawc\w*|lider\w*|beneficjent\w*|realizator\w*|"
        r"coordinator|coordinates|coordinated by|lead partner|project promoter|promoter|"
        r"applicant|beneficiary|projekttrager\w*|antragsteller\w*|leitung|"
        r"nositelj\w*|prijavitelj\w*|vodilni partner\w*|vodja projekta|izvajalec|izvajalci|"
        r"prijimatel\w*|ziadatel\w*|koordinatorem|realizuje|realizowal\w*|realizuje|"
        r"realizoval\w*|zrealizowal\w*|stoji za|za nimz stoji|ridi projekt|prowadzi projekt|"
        r"leads the project|fuhrt .* durch|trager)\b"
    ),
    "partner": re.compile(
        r"\b(partner\w*|spolupra\w*|wspolprac\w*|kooperation\w*|cooperation|"
        r"in cooperation|ve spolupraci|we wspolpracy|v sodelovanju|sodeluj\w*|"
        r"spoluprac\w*|together with|spolu s|wspolnie z|skupaj z|gemeinsam mit|"
        r"zusammen mit|consortium|konsorcj\w*|konsorci\w*|clen\w* konsorcia)\b"
    ),
    "funder": re.compile(
        r"\b(financ\w*|spolufinanc\w*|sofinanc\w*|finansuj\w*|finansowan\w*|dofinans\w*|"
        r"funded by|funds|financed by|grant\w*|dotac\w*|dotuj\w*|gefordert|finanziert|"
        r"foerdert|fordert|podporil\w*|podporuje)\b"
    ),
}
FUNDER_TYPES = {"ministry", "government-agency", "eu-body", "regional-government"}
DONOR_STATES = {"NO", "IS", "LI"}
HEADING_MAX_WORDS = 8


class RoleAssigner:
    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.praxis_organisations or []
        if not mentions:
            return doc
        text = doc_text(doc)
        headings = section_headings(text)
        funders = {m.notation for m in (doc._.praxis_funders or [])}
        eea = bool(funders & {"eea-norway-grants", "active-citizens-fund"})
        for org in mentions:
            best = "mentioned"
            for span in org.spans:
                role = self.role_at(doc, span.start, span.end, headings, org.actor_type)
                if ROLE_STRENGTH[role] < ROLE_STRENGTH[best]:
                    best = role
            if best == "partner" and eea and org.country in DONOR_STATES:
                best = "donor-partner"
            org.role = best
        return doc

    def role_at(
        self,
        doc: Doc,
        start: int,
        end: int,
        headings: list[tuple[int, str]],
        actor_type: str | None,
    ) -> str:
        text = doc_text(doc)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        after = fold(text[end : min(line_end, end + 40)])
        if re.match(r"^\W*(\([^)]*)?\b(coordinator|koordinator\w*|lead partner|lider)\b", after):
            return "coordinator"
        heading = ""
        for pos, head in headings:
            if pos <= line_start:
                heading = head
            else:
                break
        if heading:
            role = cue_role(heading, with_funder=False)
            if role != "mentioned" and _line_starts_with(text, line_start, start):
                return role
        sentence, offset = sentence_with_offset(doc, start)
        return nearest_cue_role(sentence, start - offset, with_funder=actor_type in FUNDER_TYPES)

    def __repr__(self) -> str:
        return "RoleAssigner()"


def _line_starts_with(text: str, line_start: int, start: int) -> bool:
    """The organisation opens its line (a list item), bullets and spaces aside."""
    prefix = text[line_start:start]
    return not re.search(r"[^\W\d_]", prefix)


def sentence_with_offset(doc: Doc, start_char: int) -> tuple[str, int]:
    import bisect

    bounds = sentence_bounds(doc)
    index = max(bisect.bisect_right([b[0] for b in bounds], start_char) - 1, 0)
    s, e = bounds[index]
    return doc_text(doc)[s:e], s


@lru_cache(maxsize=100_000)
def _base_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1] or ch
    return {"ł": "l", "đ": "d", "ß": "s"}.get(ch, base)


@lru_cache(maxsize=8192)
def cue_positions(sentence: str) -> tuple[tuple[tuple[int, str], ...], bool]:
    """Role cues of a sentence with their offsets (a length-keeping fold), and whether it
    has a funding cue; computed once per sentence."""
    flat = "".join(_base_char(ch) for ch in sentence.lower())
    cues = [
        (m.start(), role)
        for role in ("donor-partner", "coordinator", "partner")
        for m in ROLE_CUES[role].finditer(flat)
    ]
    return tuple(sorted(cues)), bool(ROLE_CUES["funder"].search(flat))


def nearest_cue_role(sentence: str, position: int, with_funder: bool) -> str:
    """The role of the cue nearest before the organisation in its sentence (else the first
    after it): "Projekt realizuje X ve spolupráci s Y" makes X coordinator, Y partner."""
    cues, funding = cue_positions(sentence)
    before = [role for pos, role in cues if pos < position]
    if before:
        return before[-1]
    if cues:
        return cues[0][1]
    if with_funder and funding:
        return "funder"
    return "mentioned"


def cue_role(folded_text: str, with_funder: bool) -> str:
    for role in ("donor-partner", "coordinator", "partner"):
        if ROLE_CUES[role].search(folded_text):
            return role
    if with_funder and ROLE_CUES["funder"].search(folded_text):
        return "funder"
    return "mentioned"


def section_headings(text: str) -> list[tuple[int, str]]:
    """``(offset, folded heading)``: short lines without a full stop that open a section."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        words = stripped.split()
        if (
            0 < len(words) <= HEADING_MAX_WORDS
            and not stripped.endswith((".", ",", ";"))
            and not stripped.startswith(("•", "-", "–", "*"))
            and " – " not in stripped
            and " - " not in stripped
        ):
            out.append((pos, fold(stripped)))
        pos += len(line) + 1
    return out


@Language.factory("praxis_roles", requires=["doc._.praxis_organisations"], assigns=[])
def make_roles(nlp: Language, name: str) -> RoleAssigner:
    return RoleAssigner()
