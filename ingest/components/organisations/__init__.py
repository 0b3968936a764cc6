"""``praxis_organisations``: organisation mentions, typed, merged, with canonical labels.

Where names come from (each a general rule, no list of known texts):

* **Institutional heads** (``ingest/data/org_heads.tsv``, six languages): a head noun
  ("ministerstvo", "Komenda", "Verein", "~ministerium" inside German compounds) grows to
  the left over the adjectives and capitalised words of the name ("Probační a mediační
  služba", "Dolnośląski Urząd Wojewódzki") and to the right over its genitive or
  prepositional complement ("Ministerstvo vnitra", "Urząd do Spraw Cudzoziemców",
  "Center za socialno delo"), a capitalised tail ("Občina Krško", "JVA Kiel") and a
  location ("Zakład Karny Nr 1 w Łodzi", "Krajský soud v Žilině").
* **Legal forms** ("z. s.", "o. p. s.", "e. V.", "gGmbH", "Sp. z o.o.", "d.o.o."): the
  capitalised words before them are a name.
* **The authority file** (``ontology/authorities.ttl``): curated labels (matched by lemma,
  so inflected forms count) and acronyms (only for bodies of a country the text is about).
* **Partner lists**: the name at the start of a list line under a partner heading or
  followed by a country ("RUBIKON Centrum – Czech Republic").
* **Acronyms**: ``Name (ACR)``, ``ACR – Name``, ``(Other name, ACR)`` and initialisms of a
  found name ("Probační a mediační služba" … "PMS"); later uses of the acronym are
  mentions of the same organisation.
* **Context cues** (``cued_names``): names without a head noun told by the words around
  them ("in cooperation with Include Youth", "Partners: Doras, Nasc and Crosscare",
  "Blocul Național Sindical (Rumänien)", "Doras is an … organisation"); names in a third
  language keep their own little words ("Junta de Freguesia de Arroios"), their heads are
  in ``ingest/data/org_heads_foreign.tsv``.

Typing reads the name's head and modifiers (classes H/HM/G/W/U/M, see the table's
header): "Policejní prezidium" → police, "Komenda Główna Straży Granicznej" →
border-guard, "Odbor prevence kriminality MV" → ministry (a unit is typed by its parent).
A unit ("Odbor …", "Wydział …") or any name with a nested organisation in its
complement gets ``parent`` = the nested organisation's canonical label.

Canonical labels are nominative: an authority's label; else a surface form whose head
is already nominative; else the head lemmatised with adjectives agreeing (morfeusz2 for
Polish, ending rules for cs/sk/sl, weak endings for German).

Result: ``doc._.praxis_organisations`` (list of :class:`OrganisationMention`) and the
spans in ``doc.spans["praxis_orgs"]`` (label = actor type).

Modules, in the order of the data flow: ``words`` (per-language word tables),
``candidates`` (candidate spans by head nouns, legal forms, the authority file, classifier
nouns, partner lists, acronym definitions), ``cued_names`` (names told by their context,
third-language names), ``growth`` (head lookup, boundary growth and
where a name ends), ``selection`` (filters and overlaps), ``merging`` (one organisation per
merge key), ``acronyms`` (acronym and domain mentions), ``actor_types`` (typing),
``labels`` (canonical nominative labels), ``recogniser`` (the component).
"""

from __future__ import annotations

from spacy.language import Language

from ingest.components.organisations.acronyms import initialisms, matches_initialism
from ingest.components.organisations.labels import canonical_label
from ingest.components.organisations.recogniser import OrganisationRecogniser
from ingest.components.organisations.words import ACRONYM_SPANS, ORG_SPANS

__all__ = [
    "ACRONYM_SPANS",
    "ORG_SPANS",
    "OrganisationRecogniser",
    "canonical_label",
    "initialisms",
    "make_organisations",
    "matches_initialism",
]


@Language.factory(
    "praxis_organisations",
    requires=["token.norm", "doc.spans"],
    assigns=["doc.spans", "doc._.praxis_organisations"],
)
def make_organisations(nlp: Language, name: str) -> OrganisationRecogniser:
    return OrganisationRecogniser(nlp)
