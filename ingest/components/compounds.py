"""German compounds: a noun the vocabulary does not list takes its head's concept.

German writes new compounds freely ("Opferschutzberatung", "Trainingskurs",
"Fallkonferenzen", "Straffälligenhilfe"), so no label list can hold them. A compound
means what its last part (the head) means: "Gewaltpräventionsberatung" is a
counselling, "Trainingskurs" a training. When the head is an activity or a kind of
help ("-hilfe", "-arbeit", "-beratung"), the first part often names whom it is for:
"Opferschutzberatung" → victims of crime, "Täterarbeit" → perpetrators,
"Straffälligenhilfe" → offenders.

Heads and modifiers come from the vocabulary's own German one-word noun labels
(activity types and target groups), so new labels extend the splitter too.
"""

from __future__ import annotations

from ingest.normalise import fold

#: shortest head (folded letters) and shortest modifier
MIN_HEAD = 4
MIN_MODIFIER = 3
#: shortest word tried as a compound
MIN_COMPOUND = MIN_HEAD + MIN_MODIFIER
#: inflection endings a head may carry in the text ("-konferenzen", "-kurses")
HEAD_ENDINGS = ("", "n", "en", "e", "s", "es", "er", "nen", "innen", "in")
#: linking elements between modifier and head ("Opfer|schutz", "Straffällige|n|hilfe")
LINKS = ("", "s", "n", "en", "es", "er", "e", "nen")
#: heads that name help for someone: their modifier may be the target group
HELP_HEADS = frozenset(
    {
        "hilfe",
        "arbeit",
        "schutz",
        "betreuung",
        "begleitung",
        "unterstutzung",
        "angebot",
        "angebote",
        "forderung",
        "integration",
        "projekt",
        "programm",
        "gruppe",
        "einrichtung",
        "zentrum",
        "treff",
        "haus",
        "wohnung",
        "wohnen",
    }
)
#: labels too general to head or modify a compound ("Landeshaushalt" is no family,
#: "Stadtverwaltung" an actor, "Jugendstil" no youth)
NOT_PARTS = frozenset(
    {
        "haushalt",
        "haft",
        "verwaltung",
        "gesellschaft",
        "gemeinschaft",
        "bevolkerung",
        "offentlichkeit",
        "nachbarschaft",
        "material",
        "bildung",
        "migration",
        "gender",
        "standard",
        "modell",
        "model",
        "konzept",
        "pilot",
        "treffen",
        "sitzung",
        "netzwerk",
        "transfer",
        "austausch",
        "promotion",
        "verbreitung",
        "vortrag",
        "sport",
        "forum",
        "bericht",
        "berichten",
        "kampagne",
        "mitarbeiter",
        "mitarbeitende",
    }
)


def is_help_head(tail: str) -> bool:
    """ "hilfe", "angeboten", "projekts": a help head, maybe inflected."""
    return any(
        tail[: len(tail) - len(ending)] in HELP_HEADS
        for ending in HEAD_ENDINGS
        if tail.endswith(ending)
    )


#: (word, key) of target groups named by a compound's first part: the compound is help
#: *for* them ("Opferschutzberatung"), so they are beneficiaries (process-wide)
MODIFIER_GROUPS: set[tuple[str, str]] = set()


#: compounds whose first part is not whom the help is for: childcare offered at an event
#: ("Kinderbetreuung während der Tagung") serves the parents attending it
NOT_FOR_GROUP = frozenset({"kinderbetreuung"})


class CompoundSplitter:
    """Concept keys of German compounds, computed once per word type."""

    def __init__(self, heads: dict[str, set[str]], modifiers: dict[str, set[str]]) -> None:
        self.heads = {h: frozenset(k) for h, k in heads.items() if h not in NOT_PARTS}
        self.modifiers = {m: frozenset(k) for m, k in modifiers.items() if m not in NOT_PARTS}
        self.cache: dict[str, tuple[str, ...]] = {}

    def head_keys(self, tail: str) -> frozenset[str] | None:
        for ending in HEAD_ENDINGS:
            if ending and not tail.endswith(ending):
                continue
            stem = tail[: len(tail) - len(ending)] if ending else tail
            if len(stem) >= MIN_HEAD and stem in self.heads:
                return self.heads[stem]
        return None

    def modifier_keys(self, modifier: str, folded: str) -> frozenset[str]:
        if folded in NOT_FOR_GROUP:
            return frozenset()
        for link in LINKS:
            if link and not modifier.endswith(link):
                continue
            stem = modifier[: len(modifier) - len(link)] if link else modifier
            if len(stem) >= MIN_MODIFIER and stem in self.modifiers:
                return self.modifiers[stem]
        return frozenset()

    def split(self, word: str) -> tuple[str, ...]:
        """Concept keys of a capitalised German noun that no label matched ("()" if none)."""
        found = self.cache.get(word)
        if found is not None:
            return found
        keys: tuple[str, ...] = ()
        if len(word) >= MIN_COMPOUND and word[:1].isupper() and word.isalpha():
            folded = fold(word)
            for i in range(MIN_MODIFIER, len(folded) - MIN_HEAD + 1):
                head = folded[i:]
                head_keys = self.head_keys(head)
                if head_keys is None:
                    continue
                out = set(head_keys)
                if is_help_head(head) or any(k.startswith("activity-type/") for k in head_keys):
                    groups = self.modifier_keys(folded[:i], folded) - out
                    MODIFIER_GROUPS.update((word, k) for k in groups)
                    out |= groups
                keys = tuple(sorted(out))
                break
            else:
                # no concept head: a help head still lets the modifier name the group
                for i in range(MIN_MODIFIER, len(folded) - MIN_HEAD + 1):
                    if is_help_head(folded[i:]):
                        keys = tuple(sorted(self.modifier_keys(folded[:i], folded)))
                        MODIFIER_GROUPS.update((word, k) for k in keys)
                        break
        self.cache[word] = keys
        return keys


def german_parts(
    labels: list[tuple[str, str, str]],
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Heads and modifiers from ``(key, label, folded lemma)`` of German one-word labels:
    capitalised nouns of the activity and target-group schemes; target groups also give
    modifiers."""
    heads: dict[str, set[str]] = {}
    modifiers: dict[str, set[str]] = {}
    for key, label, lemma in labels:
        scheme = key.partition("/")[0]
        if scheme not in ("activity-type", "target-group"):
            continue
        if not label[:1].isupper() or not label.isalpha() or label.isupper():
            continue
        for form in {fold(label), lemma}:
            if len(form) >= MIN_HEAD:
                heads.setdefault(form, set()).add(key)
            if scheme == "target-group" and len(form) >= 4:
                modifiers.setdefault(form, set()).add(key)
    return heads, modifiers
