"""Later uses of a defined or initialism acronym, and e-mail/web domains, as
mentions of an organisation already found."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.components.organisations.records import Found
from ingest.components.organisations.words import (
    ARTICLES,
    DASHES,
    DOMAIN_RE,
    LOCATION_PREPS,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import cities, folded
from ingest.components.sentences import doc_text


def initialisms(words: list[str]) -> set[str]:
    """Acronyms a name may be shortened to ("Policie České republiky" → "PČR")."""
    content = [
        w
        for w in words
        if w[:1].isalpha()
        and w.lower()
        not in {
            "a",
            "i",
            "in",
            "und",
            "and",
            "of",
            "the",
            "for",
            "pro",
            "za",
            "do",
            "ds.",
            "für",
            "der",
            "des",
            "v",
            "w",
            "na",
            "pre",
            "pri",
            "spraw",
            # little words of third-language names ("Confederazione Generale Italiana
            # del Lavoro" – CGIL)
            *"de del della delle dei degli di du des da do dos das la le el y e et".split(),
        }
    ]
    out = set()
    if len(content) >= 2:
        out.add("".join(w[0].upper() for w in content))
        caps = [w for w in content if w[:1].isupper()]
        if len(caps) >= 2:
            out.add("".join(w[0] for w in caps))
    with_conj = [w for w in words if w[:1].isalpha()]
    if len(with_conj) >= 3:
        out.add(
            "".join(
                w[0].upper() if w.lower() not in {"i", "a", "und", "in"} else w[0]
                for w in with_conj
                if w.lower() not in {"do", "ds.", "of", "the"}
            )
        )
    return {a for a in out if len(a) >= 2}


def matches_initialism(acr: str, words: list[str]) -> bool:
    letters = "".join(ch for ch in acr if ch.isalpha()).upper()
    return any(
        letters == "".join(ch for ch in a if ch.isalpha()).upper() for a in initialisms(words)
    )


class AcronymResolution:
    """Later uses of a defined or initialism acronym, and e-mail/web domains, as
    mentions of an organisation already found."""

    # ---------------------------------------------------------------- acronyms
    def resolve_acronyms(self, doc: Doc, found: list[Found], home: set[str]) -> None:
        n = len(doc)
        by_span = {m: f for f in found for m in f.mentions}
        covered = {k for f in found for s, e in f.mentions for k in range(s, e)}
        acronym_of: dict[str, Found] = {}
        for f in found:
            for s, e in list(f.mentions):
                # Name (ACR) / Name (Other Name, ACR)
                if e + 2 < n and doc[e].text == "(":
                    j = e + 1
                    close = next((x for x in range(j, min(n, j + 12)) if doc[x].text == ")"), None)
                    if close is not None:
                        inner = doc[j:close]
                        last = inner[-1].text if len(inner) else ""
                        if (
                            is_acronym(last)
                            and (len(inner) == 1 or doc[close - 2].text == ",")
                            and close - 1 not in self._country_tokens  # "(UK)": a country
                        ):
                            acronym_of.setdefault(last, f)
                            f.acronym = f.acronym or last
                            if len(inner) > 2:
                                f.extra_surfaces.append((j, close - 2))
                        elif (
                            len(inner) >= 2
                            and is_cap(inner[0].text)
                            and is_cap(inner[-1].text)
                            and all(
                                is_cap(t.text)
                                or t.lower_ in self.connectors
                                or t.lower_ in ARTICLES
                                or t.lower_ in LOCATION_PREPS
                                or t.lower_ in self.preps
                                for t in inner
                            )
                            and not any(t.text in {",", ";"} for t in inner)
                        ):
                            # "Fundacja Sławek (Slawek Foundation)": another name of it
                            f.extra_surfaces.append((j, close))
                        elif len(inner) == 1 and self._own_word_name(doc, j):
                            # "Estonian Social Insurance Board (Sotsiaalkindlustusamet)"
                            f.extra_surfaces.append((j, close))
                # ACR – Name
                if s >= 2 and doc[s - 1].text in DASHES and is_acronym(doc[s - 2].text):
                    acronym_of.setdefault(doc[s - 2].text, f)
                    f.acronym = f.acronym or doc[s - 2].text
        # initialisms of found names used elsewhere in the text
        tokens_by_text: dict[str, list[int]] = {}
        acronym_words = {text for text in set(self._texts) if is_acronym(text)}
        if acronym_words:
            for i, text in enumerate(self._texts):
                if text in acronym_words:
                    tokens_by_text.setdefault(text, []).append(i)
        for f in found:
            for s, e in f.mentions[:1]:
                for acr in initialisms([t.text for t in doc[s:e]]):
                    if acr in tokens_by_text and acr not in acronym_of:
                        acronym_of[acr] = f
                        f.acronym = f.acronym or acr
        for f in found:
            if f.authority is not None:
                for acr in f.authority.acronyms:
                    if acr in tokens_by_text:
                        acronym_of.setdefault(acr, f)
        for acr, f in acronym_of.items():
            self._doc_acronyms[acr] = f.actor_type or "ngo"
            for i in tokens_by_text.get(acr, []):
                if i in covered:
                    continue
                f.mentions.append((i, i + 1))
                covered.add(i)
        # an organisation found only as an acronym, or only as another name given in
        # brackets, is the organisation that defines it
        del by_span
        extra_of = [(m, f) for f in found for m in f.extra_surfaces]

        def inside_extra(m: tuple[int, int]) -> Found | None:
            # "Beyond the Wall Foundation" of "Fundacja … (Beyond the Wall Foundation)"
            return next((f for (s, e), f in extra_of if s <= m[0] and m[1] <= e), None)

        kept: list[Found] = []
        for g in found:
            target = None
            if all(e - s == 1 and doc[s].text in acronym_of for s, e in g.mentions):
                target = acronym_of[doc[g.mentions[0][0]].text]
            else:
                target = next((inside_extra(m) for m in g.mentions if inside_extra(m)), None)
            if target is None or target is g:
                kept.append(g)
                continue
            target.mentions.extend(g.mentions)
            if target.authority is None and g.authority is not None:
                target.authority = g.authority
                target.actor_type = g.authority.actor_type or target.actor_type
        found[:] = kept

    def _own_word_name(self, doc: Doc, k: int) -> bool:
        """A single long capitalised word in brackets after a name is its name in its own
        language ("(Sotsiaalkindlustusamet)", "(Sozialbehörde)"), unless it is a place."""
        text = doc[k].text
        return (
            is_cap(text)
            and text.isalpha()
            and not text.isupper()
            and len(text) >= 8
            and k not in self._country_tokens
            and folded(text) not in cities()
            and doc[k].norm_ not in cities()
        )

    def domain_names(self, doc: Doc, found: list[Found]) -> None:
        """E-mail and web domains: "wrzos@wrzos.org.pl" names WRZOS, an organisation the
        text mentions by that word; a found organisation whose acronym or name is the
        domain's label gets the domain."""

        text = doc_text(doc)
        if "@" not in text and "www." not in text and "http" not in text:
            return
        domains: dict[str, str] = {}
        for m in DOMAIN_RE.finditer(text):
            domain = m.group(1).lower().removeprefix("www.")
            label = domain.split(".")[0]
            if len(label) >= 3:
                domains.setdefault(folded(label).replace(" ", ""), domain)
        if not domains:
            return
        inside = {m.start() for m in DOMAIN_RE.finditer(text)}
        for f in found:
            names = {folded(f.acronym or "").replace(" ", "")}
            names.update(folded(doc[s:e].text).replace(" ", "") for s, e in f.mentions)
            hit = next((domains[n] for n in names if n in domains), None)
            if hit:
                f.domain = hit
        named = {f.domain for f in found if f.domain}
        for label, domain in domains.items():
            if domain in named:
                continue
            mentions = [
                (i, i + 1)
                for i, word in enumerate(self._texts)
                if is_cap(word)
                and folded(word) == label
                and not any(abs(doc[i].idx - p) < 60 and doc[i].idx >= p for p in inside)
            ]
            if mentions:
                actor_type = "government-agency" if ".gov" in domain else "ngo"
                found.append(Found(label, actor_type, mentions, source="domain", domain=domain))
