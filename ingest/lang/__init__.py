"""Per-language tokenizer exceptions: abbreviations that must not split sentences or names."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language

ABBREVIATIONS: dict[str, list[str]] = {
    "cs": [
        "z.s.",
        "z. s.",
        "o.p.s.",
        "o. p. s.",
        "z.ú.",
        "s.r.o.",
        "a.s.",
        "tzv.",
        "tj.",
        "např.",
        "mj.",
        "č.",
        "ul.",
        "hl.",
        "m.",
        "odd.",
        "resp.",
        "atd.",
        "apod.",
        "popř.",
    ],
    "sk": ["o.z.", "n.o.", "s.r.o.", "a.s.", "tzv.", "napr.", "č.", "ul.", "resp.", "atď."],
    "pl": [
        "m.in.",
        "ds.",
        "nr",
        "nr.",
        "ul.",
        "sp.",
        "z o.o.",
        "tzw.",
        "np.",
        "tj.",
        "pt.",
        "im.",
        "woj.",
        "pow.",
        "al.",
        "św.",
    ],
    "de": [
        "e.V.",
        "e. V.",
        "z.B.",
        "z. B.",
        "u.a.",
        "u. a.",
        "bzw.",
        "ca.",
        "Nr.",
        "gGmbH",
        "ggf.",
        "d.h.",
        "usw.",
        "vgl.",
        "Str.",
    ],
    "sl": ["d.o.o.", "d.d.", "so.p.", "npr.", "t.i.", "št.", "ul.", "oz.", "tj."],
    "en": ["e.g.", "i.e.", "No.", "Ltd.", "Inc.", "etc.", "approx."],
}


def customise_tokenizer(nlp: Language) -> None:
    for abbr in ABBREVIATIONS.get(nlp.lang, []):
        if " " in abbr:
            continue
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
