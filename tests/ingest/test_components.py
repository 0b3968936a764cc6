"""Each pipeline step on its own: normalisation, tokenizer exceptions, sentences, lemmas,
the registered components of pipeline.cfg, titles, language identification, funders."""

from __future__ import annotations

from importlib import resources

import pytest
import spacy
from thinc.api import Config

from ingest.components.funders import broader_closure, only_discussed
from ingest.components.organisations import canonical_label, initialisms
from ingest.extract import first_line_title
from ingest.langid import detect_language
from ingest.lemmatize import lemmatize, nominative_pl
from ingest.nlp import make_nlp
from ingest.normalise import fold, normalise_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Vězeňská\u00a0služba", "Vězeňská služba"),  # no-break space
        ("pro\u00adjekt", "projekt"),  # soft hyphen
        ("reinte-\ngrace vězňů", "reintegrace vězňů"),  # hyphenation at a line end
        ("Nordrhein-\nWestfalen", "Nordrhein-\nWestfalen"),  # a real hyphen stays
        ("„WORKPRIS“ – »Haft«", '"WORKPRIS" - "Haft"'),  # quotes and dashes
        ("\ufb01nancování", "financování"),  # ligature from a PDF
        ("a  \t b\r\nc", "a b\nc"),
    ],
)
def test_normalise_text(raw: str, clean: str) -> None:
    assert normalise_text(raw) == clean


@pytest.mark.parametrize(
    ("lang", "text", "token"),
    [
        ("cs", "tzv. parole", "tzv."),
        ("cs", "In IUSTITIA, z.s. a o.p.s.", "o.p.s."),
        ("pl", "m.in. szkolenia", "m.in."),
        ("pl", "Urząd ds. Cudzoziemców", "ds."),
        ("pl", "ul. Kopernika 36", "ul."),
        ("pl", "Sp. z o.o.", "o.o."),
        ("de", "Jugenddorfwerk e.V. und", "e.V."),
        ("sl", "Zavod d.o.o. iz", "d.o.o."),
        ("sk", "Inštitút, n.o.", "n.o."),
    ],
)
def test_abbreviations_are_single_tokens(lang: str, text: str, token: str) -> None:
    assert token in [t.text for t in make_nlp(lang).make_doc(text)]


def test_sentences_start_at_full_stops_and_line_breaks() -> None:
    doc = make_nlp("cs")(
        "Partneři\nRUBIKON Centrum – Česko (koordinátor)\nJde o tzv. parole. Další věta."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Partneři",
        "RUBIKON Centrum – Česko (koordinátor)",
        "Jde o tzv. parole.",
        "Další věta.",
    ]


def test_pipeline_cfg_lists_registered_components_only() -> None:
    text = resources.files("ingest").joinpath("pipeline.cfg").read_text("utf-8")
    names = Config().from_str(text)["nlp"]["pipeline"]
    assert names[0] == "praxis_sentences" and "praxis_organisations" in names
    for name in names:
        assert spacy.registry.factories.get(name) is not None
    assert make_nlp("sl").pipe_names == names


@pytest.mark.parametrize(
    ("word", "lang", "lemma"),
    [
        ("więźniów", "pl", "więzień"),
        ("Komendą", "pl", "komenda"),
        ("vězňů", "cs", "vězeň"),
        ("Väzenskej", "sk", "väzenský"),
        ("Gefangenen", "de", "Gefangene"),
    ],
)
def test_lemmatize(word: str, lang: str, lemma: str) -> None:
    assert lemmatize(word, lang) == lemma


def test_lemmas_are_folded_norms_on_tokens() -> None:
    doc = make_nlp("cs")("Věznici navštívili vězni.")
    assert [t.norm_ for t in doc][:1] == ["veznice"]


def test_polish_nominative_agrees_with_the_head() -> None:
    assert nominative_pl("Główną", "główny", "sg", "f") == "Główna"
    assert nominative_pl("Powiatowego", "powiatowy", "sg", "m3") == "Powiatowy"


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("pl", "Komendą Główną Straży Granicznej", "Komenda Główna Straży Granicznej"),
        ("cs", "Vězeňskou službou České republiky", "Vězeňská služba České republiky"),
        ("sk", "Zborom väzenskej a justičnej stráže", "Zbor väzenskej a justičnej stráže"),
        ("sl", "Policijsko postajo Brežice", "Policijska postaja Brežice"),
        ("de", "Bayerischen Staatsregierung", "Bayerische Staatsregierung"),
    ],
)
def test_canonical_label_is_nominative(lang: str, text: str, label: str) -> None:
    nlp = make_nlp(lang)
    doc = nlp(text)
    head_at = nlp.get_pipe("praxis_organisations").head_at
    assert canonical_label(doc[:], lang, head_at) == label


def test_initialisms() -> None:
    assert "PČR" in initialisms(["Policie", "České", "republiky"])
    assert "PMS" in initialisms(["Probační", "a", "mediační", "služba"])
    assert "MSWiA" in initialisms(["Ministerstwo", "Spraw", "Wewnętrznych", "i", "Administracji"])


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Aktuality | 24. 4. 2023\n\nNorští odborníci v jižních Čechách\n\nText.",
            "Norští odborníci v jižních Čechách",
        ),
        ("24. 4. 2023\nProjekt SIDA\ntext", "Projekt SIDA"),
        ("Home › Projects › Norway Grants\nVictim-oriented approach\n", "Victim-oriented approach"),
    ],
)
def test_title_skips_breadcrumbs_and_dates(text: str, title: str) -> None:
    assert first_line_title(text) == title


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ministerstvo vnitra", "cs"),
        ("Zakład karny", "pl"),
        ("väzni a odsúdení", "sk"),
        ("zaporniki", "sl"),
        ("Justizvollzugsanstalt Kiel", "de"),
        ("prisoners", "en"),
        (
            "Project PRE – Prison, Reintegration, Education\nVězni se učí řemeslu ve věznici "
            "a po propuštění hledají práci s pomocí neziskových organizací.",
            "cs",
        ),
    ],
)
def test_language_of_short_and_mixed_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_funders_broader_and_implied() -> None:
    assert broader_closure("active-citizens-fund") == ["eea-norway-grants"]
    assert broader_closure("interreg") == ["erdf"]
    assert broader_closure("esf") == []


def test_discussed_programme_is_not_funding() -> None:
    assert only_discussed("Seminář o možnostech čerpání z ESF pro obce.")
    assert not only_discussed("Projekt je financován z ESF.")
    assert only_discussed("Informativni dan za prijavitelje na program Interreg.")


def test_fold_matches_the_eval_normalisation() -> None:
    assert fold("Związek  Miast-Polskich") == "zwiazek miast polskich"


def test_an_email_domain_names_the_organisation_the_text_mentions() -> None:
    doc = make_nlp("de")("Über WRZOS\nWRZOS ist ein Netzwerk.\nKontakt: wrzos@wrzos.org.pl")
    orgs = {m.label: m for m in doc._.praxis_organisations}
    assert orgs["WRZOS"].domain == "wrzos.org.pl"
    assert orgs["WRZOS"].actor_type == "ngo"
