"""The SKOS vocabularies hold every fixed notation, labelled in all six languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from ontology import LANGUAGES, concept, vocabulary, vocabulary_graph
from ontology.namespaces import PG, SKOS

# The public interface of spec/vocabulary.md (notations never change; concepts may be added).
NOTATIONS = {
    "funder": """erasmus-plus eea-norway-grants active-citizens-fund esf erdf interreg amif isf cerv
        justice-programme horizon visegrad-fund swiss-contribution national-public
        private-foundation
        eu-unspecified lifelong-learning-programme europe-for-citizens rec-programme phare tsi
        local-public foreign-government""",
    "actor-type": """ministry government-agency regional-government municipality
        local-government-association police municipal-police border-guard prison-service
        probation-service court-prosecution ombudsman social-services labour-office
        health-services
        ngo trade-union employer school university-research international-organisation eu-body
        fire-rescue religious-organisation diplomatic-mission advisory-body social-enterprise
        media""",
    "target-group": """prisoners ex-prisoners offenders migrants refugees minorities roma
        victims-of-trafficking victims-of-crime unemployed children-youth vulnerable-persons
        people-with-disabilities seniors women homeless lgbti public-officials
        law-enforcement-officers prison-staff ngo-staff professionals general-public families
        people-with-addictions perpetrators-of-violence neet workers judiciary-staff""",
    "activity-type": """training workshop webinar seminar conference study-visit survey-research
        publication e-learning-tool counselling mediation networking-meetings
        exchange-of-good-practice awareness-campaign advocacy strategy-development direct-support
        legal-aid infrastructure cultural-event community-organising regranting joint-operations""",
}


@pytest.mark.parametrize("scheme", sorted(NOTATIONS))
def test_every_notation_present(scheme: str) -> None:
    expected = set(NOTATIONS[scheme].split())
    assert expected <= set(vocabulary()[scheme]), expected - set(vocabulary()[scheme])


def test_spec_table_matches_when_available() -> None:
    spec = Path(__file__).resolve().parents[2] / "shared" / "spec" / "vocabulary.md"
    if not spec.exists():
        pytest.skip("spec not present")
    in_spec = set(re.findall(r"^\| ([a-z][a-z0-9-]+) \|", spec.read_text("utf-8"), re.MULTILINE))
    in_spec.discard("notation")
    ours = {n for scheme in vocabulary().values() for n in scheme}
    assert in_spec <= ours, in_spec - ours


@pytest.mark.parametrize("scheme", sorted(NOTATIONS))
def test_six_language_pref_labels(scheme: str) -> None:
    for notation, c in vocabulary()[scheme].items():
        missing = [lang for lang in LANGUAGES if not c.pref_labels.get(lang)]
        assert not missing, f"{scheme}/{notation} lacks prefLabels in {missing}"


def test_active_citizens_fund_is_narrower_than_eea_grants() -> None:
    assert concept("funder", "active-citizens-fund").broader == ("eea-norway-grants",)


def test_each_concept_in_its_scheme_once() -> None:
    g = vocabulary_graph()
    for concepts in vocabulary().values():
        for c in concepts.values():
            assert len(list(g.objects(URIRef(c.iri), SKOS.inScheme))) == 1


def test_pg_namespace_is_closed_and_matches_ontology() -> None:
    from rdflib import Graph

    from ontology import ontology_dir

    with pytest.raises(AttributeError):
        PG.Projcet  # noqa: B018  (a typo must raise, not mint an IRI)
    declared = {str(s) for s in Graph().parse(ontology_dir() / "praxis.ttl").subjects()}
    used = {str(getattr(PG, name)) for name in PG.__annotations__}
    assert used <= declared, used - declared
