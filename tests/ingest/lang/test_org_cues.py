"""Organisation names found by general cues on unseen text: a brand-like name described
after a comma ("YouthLink Scotland, the national agency for youth work"), English names
with "of the" ("Government of the Kingdom of the Netherlands"), names ending before a
document word or a month ("Council of Europe | Recommendation", "… | in May"), a name
opening its sentence said to be an organisation ("Delavska svetovalnica je nevladna
organizacija"), heads of
names quoted in a third language (Hungarian head-final names, Croatian "kuća"), Slovak
adjectives shortened after a long syllable ("Arcidiecézna charita")."""

from __future__ import annotations

import pytest

FOUND = [
    # lang, text, label, actor type
    (
        "en",
        "YouthLink Scotland, the national agency for youth work, supported the evaluation.",
        "YouthLink Scotland",
        "government-agency",
    ),
    (
        "en",
        "The activity was made possible by a voluntary contribution from the Government of "
        "the Kingdom of the Netherlands.",
        "Government of the Kingdom of the Netherlands",
        "ministry",
    ),
    (
        "en",
        "The closing plenary discussed the Council of Europe Recommendation CM/Rec(2018)8.",
        "Council of Europe",
        None,
    ),
    (
        "en",
        "The report was written for the Council of Europe in May.",
        "Council of Europe",
        None,
    ),
    (
        "en",
        "The European Commission Directive on victims was discussed.",
        "European Commission",
        None,
    ),
    (
        "sk",
        "Na konferencii vystúpili zástupcovia zväzu Közszolgálati Dolgozók Szakszervezete "
        "(KDSZ) a českých odborov.",
        "Közszolgálati Dolgozók Szakszervezete",
        "trade-union",
    ),
    (
        "sl",
        "Partner v projektu je hrvaška organizacija Autonomna ženska kuća Zagreb, ki je "
        "podobno usposabljanje izvedla za hrvaško policijo.",
        "Autonomna ženska kuća Zagreb",
        "ngo",
    ),
    (
        "sl",
        "Delavska svetovalnica je nevladna organizacija, katere delo je financirano.",
        "Delavska svetovalnica",
        "ngo",
    ),
    (
        "sk",
        "Liga za ľudské práva je mimovládna organizácia, ktorá pomáha migrantom.",
        "Liga za ľudské práva",
        "ngo",
    ),
    ("en", "Second Step is a charity based in Leeds.", "Second Step", "ngo"),
    (
        "sk",
        "Projekt podporil program Erasmus+ Mládež cez národnú agentúru IUVENTA – Slovenský "
        "inštitút mládeže.",
        "IUVENTA",
        "government-agency",
    ),
    (
        "cs",
        "Na jaře chystáme s Bílým kruhem bezpečí workshop pro soudce a státní zástupce.",
        "Bílý kruh bezpečí",  # the event after the name is not part of it
        "ngo",
    ),
    (
        "en",
        "The round tables were attended by officials and the Seimas Ombudsmen's Office.",
        "Seimas Ombudsmen's Office",
        None,
    ),
    ("en", "The group was chaired by a researcher from KU Leuven.", "KU Leuven", None),
    (
        "en",
        "Partners include Associazione Antigone from Rome and Fundación Secretariado Gitano.",
        "Fundación Secretariado Gitano",  # not "Rome and …"
        "ngo",
    ),
    ("en", "Partners include Associazione Antigone from Rome.", "Associazione Antigone", "ngo"),
    ("sl", "Sodeluje tudi hrvaška Udruga Delta iz Rijeke.", "Udruga Delta iz Rijeke", "ngo"),
    # Slovak rhythmic law: short adjective endings after a long syllable
    (
        "sk",
        "Do kampane sa zapojila aj Arcidiecézna charita Košice. Letáky vytlačilo mesto.",
        "Arcidiecézna charita Košice",
        "ngo",
    ),
    (
        "sk",
        "Klientov sme zastupovali pred Najvyšším správnym súdom SR.",
        "Najvyšší správny súd SR",  # nominative, the superlative kept
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "label", "actor_type"), FOUND)
def test_name_found_by_cue(
    analyse, lang: str, text: str, label: str, actor_type: str | None
) -> None:
    analysed = analyse(lang, text)
    mention = analysed.org(label)
    if actor_type is not None:
        assert mention.actor_type == actor_type
    # the name does not run on into the next word (an acronym may stand for it)
    last = label.split()[-1]
    assert all(s.split()[-1] == last or s.isupper() for s in mention.surface_forms)


NOT_FOUND = [
    # lang, text, words that must not be (part of) an organisation label
    ("en", "In March, the national agency approved the plan.", "March"),
    ("en", "Anna Smith, a university lecturer, opened the meeting.", "Anna Smith"),
    ("en", "Peter Novak, the network coordinator, spoke first.", "Peter Novak"),
    ("en", "In Brno, the agency opened an office.", "Brno"),
    ("en", "The European Commission Directive on victims was discussed.", "Directive"),
    ("en", "The report was written for the Council of Europe in May.", "May"),
    ("en", "Anna Novak is a network coordinator.", "Anna Novak"),
    ("en", "The agency ESF funds it.", "ESF"),
    ("en", "Experts from New York and colleagues from Czech Republic came.", "New York"),
    ("en", "Experts from New York and colleagues from Czech Republic came.", "Czech"),
    ("en", "The Police Service's Director spoke.", "Director"),
    ("sl", "Naša organizacija je nevladna organizacija.", "Naša"),
    ("cs", "Tento projekt je nezisková organizace.", "Tento"),
    ("en", "Northern Ireland is a region with a network of schools.", "Northern Ireland"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_FOUND)
def test_no_name_without_cue(analyse, lang: str, text: str, word: str) -> None:
    analysed = analyse(lang, text)
    assert not any(word in label for label in analysed.organisations), analysed.organisations
