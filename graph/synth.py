"""Synthetic multilingual project corpus for scale tests (``praxis synth``).

Short project texts in Czech, Polish, English, German, Slovak and Slovene, written from
templates and word lists: a title, a header block (recipient, partners, programme, period,
budget) and a few sentences about target groups, activities and the project's theme.
Organisation participation is heavy-tailed (a Simon / preferential-attachment process:
most organisations appear once, a few appear in hundreds of projects), so the collaboration
network looks like real grant data. The RNG is seeded: the same seed gives the same corpus.

Two outputs:

* text files (``DIR/<lang>/<n>.txt``) for the real ingest pipeline;
* ``--rdf``: N-Quads in exactly the model :mod:`ingest.rdf` writes (the generator builds
  :class:`~ingest.documents.Extraction` objects with true spans and calls
  :func:`ingest.rdf.extraction_quads`), for bulk-loading store-scale tests.

>>> corpus = SynthCorpus(seed=1)
>>> a = corpus.project(0)
>>> a.document.text == SynthCorpus(seed=1).project(0).document.text
True
>>> a.document.lang in LANGS
True
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ingest.documents import (
    ConceptMention,
    Document,
    Extraction,
    OrganisationMention,
    Span,
)

LANGS = ("cs", "pl", "en", "de", "sk", "sl")
LANG_WEIGHTS = (0.30, 0.25, 0.15, 0.12, 0.10, 0.08)
# where projects written in a language are based
HOME = {
    "cs": ("CZ",),
    "pl": ("PL",),
    "de": ("DE", "DE", "AT"),
    "sk": ("SK",),
    "sl": ("SI",),
    "en": ("CZ", "PL", "SK", "SI", "DE", "AT", "NO", "GB"),
}
FOREIGN = ("NO", "NO", "AT", "DE", "SK", "CZ", "PL", "SI", "IS", "GB")

# --------------------------------------------------------------------------- organisations
CITIES = {
    "CZ": [
        "Praha",
        "Brno",
        "Ostrava",
        "Olomouc",
        "Liberec",
        "Plzeň",
        "Kuřim",
        "Zlín",
        "Jihlava",
        "Pardubice",
        "Kladno",
        "Opava",
        "Most",
        "Tábor",
        "Kolín",
        "Třebíč",
        "Znojmo",
        "Písek",
    ],
    "PL": [
        "Warszawa",
        "Kraków",
        "Wrocław",
        "Poznań",
        "Gdańsk",
        "Lublin",
        "Białystok",
        "Opole",
        "Rzeszów",
        "Katowice",
        "Łódź",
        "Toruń",
        "Kielce",
        "Olsztyn",
        "Płock",
        "Tarnów",
    ],
    "DE": [
        "Berlin",
        "Dresden",
        "Leipzig",
        "München",
        "Nürnberg",
        "Hamburg",
        "Bremen",
        "Görlitz",
        "Chemnitz",
        "Regensburg",
        "Passau",
        "Erfurt",
        "Halle",
        "Kassel",
    ],
    "AT": ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Villach", "Wels"],
    "SK": [
        "Bratislava",
        "Košice",
        "Prešov",
        "Žilina",
        "Nitra",
        "Banská Bystrica",
        "Trnava",
        "Martin",
        "Trenčín",
        "Poprad",
        "Zvolen",
        "Levice",
    ],
    "SI": [
        "Ljubljana",
        "Maribor",
        "Celje",
        "Kranj",
        "Koper",
        "Novo mesto",
        "Velenje",
        "Ptuj",
        "Murska Sobota",
        "Nova Gorica",
    ],
    "NO": ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Kristiansand", "Bodø"],
    "IS": ["Reykjavík", "Akureyri"],
    "GB": ["Manchester", "Leeds", "Glasgow", "Bristol", "Cardiff", "Belfast"],
}
# smaller towns: local bodies and NGOs there participate rarely (the long tail)
TOWNS = {
    "CZ": [
        "Hranice",
        "Prostějov",
        "Přerov",
        "Šumperk",
        "Jeseník",
        "Vsetín",
        "Kroměříž",
        "Blansko",
        "Vyškov",
        "Hodonín",
        "Břeclav",
        "Bruntál",
        "Karviná",
        "Havířov",
        "Frýdek-Místek",
        "Nový Jičín",
        "Česká Lípa",
        "Jablonec nad Nisou",
        "Semily",
        "Trutnov",
        "Náchod",
        "Rychnov nad Kněžnou",
        "Chrudim",
        "Svitavy",
        "Havlíčkův Brod",
        "Pelhřimov",
        "Strakonice",
        "Klatovy",
        "Domažlice",
        "Sokolov",
        "Cheb",
        "Chomutov",
        "Teplice",
        "Děčín",
        "Litoměřice",
        "Mělník",
        "Beroun",
        "Příbram",
        "Benešov",
        "Rakovník",
    ],
    "PL": [
        "Nowy Sącz",
        "Zakopane",
        "Gorlice",
        "Przemyśl",
        "Krosno",
        "Sanok",
        "Zamość",
        "Chełm",
        "Biała Podlaska",
        "Suwałki",
        "Łomża",
        "Ełk",
        "Elbląg",
        "Słupsk",
        "Koszalin",
        "Piła",
        "Leszno",
        "Kalisz",
        "Konin",
        "Gniezno",
        "Legnica",
        "Wałbrzych",
        "Jelenia Góra",
        "Nysa",
        "Racibórz",
        "Gliwice",
        "Bytom",
        "Sosnowiec",
        "Radom",
        "Siedlce",
        "Ostrołęka",
        "Ciechanów",
        "Pułtusk",
        "Sieradz",
        "Skierniewice",
        "Piotrków Trybunalski",
    ],
    "SK": [
        "Michalovce",
        "Spišská Nová Ves",
        "Humenné",
        "Bardejov",
        "Lučenec",
        "Rimavská Sobota",
        "Komárno",
        "Nové Zámky",
        "Piešťany",
        "Prievidza",
        "Ružomberok",
        "Liptovský Mikuláš",
        "Dolný Kubín",
        "Čadca",
        "Senica",
        "Skalica",
        "Rožňava",
        "Trebišov",
    ],
    "SI": [
        "Slovenj Gradec",
        "Ravne na Koroškem",
        "Kočevje",
        "Krško",
        "Brežice",
        "Trbovlje",
        "Idrija",
        "Postojna",
        "Izola",
        "Piran",
        "Jesenice",
        "Škofja Loka",
        "Domžale",
        "Kamnik",
        "Lendava",
        "Ormož",
    ],
    "DE": [
        "Zittau",
        "Bautzen",
        "Hof",
        "Cottbus",
        "Plauen",
        "Zwickau",
        "Freiberg",
        "Pirna",
        "Weiden",
        "Cham",
        "Deggendorf",
        "Landshut",
        "Gera",
        "Jena",
        "Weimar",
        "Suhl",
    ],
    "AT": ["Steyr", "Leoben", "Krems", "Wiener Neustadt", "Sankt Pölten", "Dornbirn", "Bregenz"],
}
# (nominative region name, genitive used in "police of the region")
REGIONS = {
    "CZ": [
        ("Olomoucký kraj", "Olomouckého kraje"),
        ("Jihomoravský kraj", "Jihomoravského kraje"),
        ("Liberecký kraj", "Libereckého kraje"),
        ("Moravskoslezský kraj", "Moravskoslezského kraje"),
        ("Plzeňský kraj", "Plzeňského kraje"),
        ("Zlínský kraj", "Zlínského kraje"),
        ("Ústecký kraj", "Ústeckého kraje"),
        ("Kraj Vysočina", "Kraje Vysočina"),
    ],
    "PL": [
        ("Województwo Małopolskie", "Małopolska"),
        ("Województwo Śląskie", "Śląska"),
        ("Województwo Podlaskie", "Podlasia"),
        ("Województwo Lubelskie", "Lubelszczyzny"),
        ("Województwo Pomorskie", "Pomorza"),
        ("Województwo Opolskie", "Opolszczyzny"),
    ],
    "SK": [
        ("Košický samosprávny kraj", "Košického kraja"),
        ("Prešovský samosprávny kraj", "Prešovského kraja"),
        ("Žilinský samosprávny kraj", "Žilinského kraja"),
        ("Nitriansky samosprávny kraj", "Nitrianskeho kraja"),
    ],
    "DE": [
        ("Freistaat Sachsen", "Sachsen"),
        ("Freistaat Bayern", "Bayern"),
        ("Land Brandenburg", "Brandenburg"),
        ("Freistaat Thüringen", "Thüringen"),
    ],
    "AT": [
        ("Land Steiermark", "Steiermark"),
        ("Land Oberösterreich", "Oberösterreich"),
        ("Land Kärnten", "Kärnten"),
    ],
    "SI": [
        ("Regionalna razvojna agencija Pomurje", "Pomurje"),
        ("Regionalna razvojna agencija Savinjske regije", "Savinjska"),
    ],
}
# fixed national bodies: (label, actor type)
NATIONAL = {
    "CZ": [
        ("Ministerstvo vnitra", "ministry"),
        ("Ministerstvo spravedlnosti", "ministry"),
        ("Ministerstvo práce a sociálních věcí", "ministry"),
        ("Vězeňská služba České republiky", "prison-service"),
        ("Probační a mediační služba", "probation-service"),
        ("Policejní prezidium České republiky", "police"),
        ("Úřad práce České republiky", "labour-office"),
        ("Svaz měst a obcí České republiky", "local-government-association"),
        ("Kancelář veřejného ochránce práv", "ombudsman"),
        ("Agentura pro sociální začleňování", "government-agency"),
        ("Dům zahraniční spolupráce", "government-agency"),
        ("Masarykova univerzita", "university-research"),
        ("Univerzita Palackého v Olomouci", "university-research"),
        ("Univerzita Karlova", "university-research"),
    ],
    "PL": [
        ("Ministerstwo Sprawiedliwości", "ministry"),
        ("Ministerstwo Spraw Wewnętrznych i Administracji", "ministry"),
        ("Centralny Zarząd Służby Więziennej", "prison-service"),
        ("Komenda Główna Policji", "police"),
        ("Straż Graniczna", "border-guard"),
        ("Związek Miast Polskich", "local-government-association"),
        ("Rzecznik Praw Obywatelskich", "ombudsman"),
        ("Fundacja Rozwoju Systemu Edukacji", "government-agency"),
        ("Uniwersytet Warszawski", "university-research"),
        ("Uniwersytet Jagielloński", "university-research"),
        ("Caritas Polska", "ngo"),
        ("Polska Akcja Humanitarna", "ngo"),
    ],
    "DE": [
        ("Bundesministerium der Justiz", "ministry"),
        ("Bundesministerium des Innern und für Heimat", "ministry"),
        ("Bundesagentur für Arbeit", "labour-office"),
        ("Bundespolizei", "police"),
        ("Deutscher Städtetag", "local-government-association"),
        ("Diakonie Deutschland", "ngo"),
        ("Deutscher Caritasverband", "ngo"),
        ("Technische Universität Dresden", "university-research"),
    ],
    "AT": [
        ("Bundesministerium für Justiz", "ministry"),
        ("Bundesministerium für Inneres", "ministry"),
        ("Österreichischer Städtebund", "local-government-association"),
        ("NEUSTART", "probation-service"),
        ("Volkshilfe Österreich", "ngo"),
        ("Universität Wien", "university-research"),
    ],
    "SK": [
        ("Ministerstvo vnútra Slovenskej republiky", "ministry"),
        ("Ministerstvo spravodlivosti Slovenskej republiky", "ministry"),
        ("Zbor väzenskej a justičnej stráže", "prison-service"),
        ("Prezídium Policajného zboru", "police"),
        ("Združenie miest a obcí Slovenska", "local-government-association"),
        ("Úrad splnomocnenca vlády SR pre rómske komunity", "government-agency"),
        ("Univerzita Komenského v Bratislave", "university-research"),
    ],
    "SI": [
        ("Ministrstvo za pravosodje", "ministry"),
        ("Ministrstvo za notranje zadeve", "ministry"),
        ("Uprava za izvrševanje kazenskih sankcij", "prison-service"),
        ("Generalna policijska uprava", "police"),
        ("Skupnost občin Slovenije", "local-government-association"),
        ("Zavod Republike Slovenije za zaposlovanje", "labour-office"),
        ("Varuh človekovih pravic", "ombudsman"),
        ("Univerza v Ljubljani", "university-research"),
    ],
    "NO": [
        ("Kriminalomsorgsdirektoratet", "prison-service"),
        ("Politidirektoratet", "police"),
        ("KS - Kommunesektorens organisasjon", "local-government-association"),
        ("Norwegian Helsinki Committee", "ngo"),
        ("Innovation Norway", "government-agency"),
        ("Norsk Folkehjelp", "ngo"),
        ("Universitetet i Oslo", "university-research"),
    ],
    "IS": [("Fangelsismálastofnun", "prison-service"), ("Rauði krossinn á Íslandi", "ngo")],
    "GB": [
        ("HM Prison and Probation Service", "prison-service"),
        ("Local Government Association", "local-government-association"),
        ("University of Manchester", "university-research"),
    ],
}
NGO_WORDS = {
    "CZ": (
        ["Spolek", "Sdružení", "Nadace", "Centrum", "Iniciativa"],
        [
            "Naděje",
            "Most",
            "Šance",
            "Krok",
            "Cesta",
            "Dialog",
            "Slunce",
            "Domov",
            "Ratolest",
            "Jinak",
            "Vstříc",
            "Rozkoš",
            "Prostor",
            "Kompas",
            "Lávka",
            "Archa",
        ],
        "z. s.",
    ),
    "PL": (
        ["Stowarzyszenie", "Fundacja", "Centrum", "Inicjatywa", "Towarzystwo"],
        [
            "Nadzieja",
            "Szansa",
            "Most",
            "Dialog",
            "Horyzont",
            "Otwarte Drzwi",
            "Krok Dalej",
            "Przystań",
            "Kompas",
            "Dom",
            "Wspólna Droga",
            "Parasol",
        ],
        "",
    ),
    "DE": (
        ["Verein", "Stiftung", "Netzwerk", "Initiative", "Zentrum"],
        [
            "Brücke",
            "Neustart",
            "Perspektive",
            "Lichtblick",
            "Wegweiser",
            "Zukunft",
            "Anker",
            "Dialog",
            "Kompass",
            "Horizont",
        ],
        "e. V.",
    ),
    "AT": (
        ["Verein", "Stiftung", "Netzwerk", "Initiative"],
        ["Brücke", "Perspektive", "Wegweiser", "Zukunft", "Anker", "Dialog", "Leuchtturm"],
        "",
    ),
    "SK": (
        ["Občianske združenie", "Nadácia", "Centrum", "Iniciatíva"],
        ["Nádej", "Most", "Šanca", "Krok", "Cesta", "Dialóg", "Domov", "Kompas", "Archa"],
        "",
    ),
    "SI": (
        ["Društvo", "Zavod", "Fundacija", "Center"],
        ["Most", "Upanje", "Korak", "Pot", "Dialog", "Kompas", "Sonce", "Dom", "Svetilnik"],
        "",
    ),
    "NO": (
        ["Stiftelsen", "Foreningen", "Senter"],
        ["Broen", "Veien", "Nytt Liv", "Fyret", "Kompasset"],
        "",
    ),
    "IS": (["Félagið"], ["Brúin", "Vegurinn"], ""),
    "GB": (["Foundation", "Trust", "Network"], ["Bridge", "New Start", "Horizon", "Compass"], ""),
}
SURNAMES = {
    "CZ": ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák"],
    "PL": ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński"],
    "DE": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner"],
    "AT": ["Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner"],
    "SK": ["Horváth", "Kováč", "Varga", "Tóth", "Nagy", "Baláž", "Szabó"],
    "SI": ["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik"],
    "NO": ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen"],
    "IS": ["Jónsson", "Sigurðsson"],
    "GB": ["Smith", "Jones", "Taylor", "Brown"],
}
TRADES = {
    "CZ": ["stavební", "dřevovýroba", "úklidové služby", "gastro", "logistika"],
    "PL": ["Budownictwo", "Usługi", "Logistyka", "Meble", "Gastronomia"],
    "DE": ["Bau", "Logistik", "Holztechnik", "Gebäudeservice", "Catering"],
    "AT": ["Bau", "Logistik", "Holztechnik"],
    "SK": ["stavebníctvo", "logistika", "služby", "drevovýroba"],
    "SI": ["gradbeništvo", "logistika", "storitve"],
    "NO": ["Bygg", "Logistikk"],
    "IS": ["Bygg"],
    "GB": ["Construction", "Logistics"],
}
COMPANY_SUFFIX = {
    "CZ": "s.r.o.",
    "PL": "sp. z o.o.",
    "DE": "GmbH",
    "AT": "GmbH",
    "SK": "s.r.o.",
    "SI": "d.o.o.",
    "NO": "AS",
    "IS": "ehf.",
    "GB": "Ltd",
}


def _local_bodies(country: str, city: str) -> list[tuple[str, str]]:
    """Organisations every town has, named in the country's language."""
    region = REGIONS.get(country)
    table: dict[str, list[tuple[str, str]]] = {
        "CZ": [
            (f"Město {city}", "municipality"),
            (f"Městská policie {city}", "municipal-police"),
            (f"Věznice {city}", "prison-service"),
            (f"Střední odborná škola {city}", "school"),
            (f"Centrum sociálních služeb {city}", "social-services"),
            (f"Středisko Probační a mediační služby {city}", "probation-service"),
            (f"Charita {city}", "ngo"),
            (f"Hasičský záchranný sbor {city}", "fire-rescue"),
        ],
        "PL": [
            (f"Urząd Miasta {city}", "municipality"),
            (f"Straż Miejska {city}", "municipal-police"),
            (f"Zakład Karny {city}", "prison-service"),
            (f"Miejski Ośrodek Pomocy Społecznej {city}", "social-services"),
            (f"Powiatowy Urząd Pracy {city}", "labour-office"),
            (f"Zespół Szkół Zawodowych {city}", "school"),
            (f"Caritas {city}", "ngo"),
            (f"Komenda Miejska Policji {city}", "police"),
        ],
        "DE": [
            (f"Stadt {city}", "municipality"),
            (f"Justizvollzugsanstalt {city}", "prison-service"),
            (f"Jobcenter {city}", "labour-office"),
            (f"Berufsschule {city}", "school"),
            (f"Polizeidirektion {city}", "police"),
            (f"Diakonie {city}", "ngo"),
            (f"Volkshochschule {city}", "school"),
        ],
        "AT": [
            (f"Stadt {city}", "municipality"),
            (f"Justizanstalt {city}", "prison-service"),
            (f"Landespolizeidirektion {city}", "police"),
            (f"Caritas {city}", "ngo"),
            (f"Arbeitsmarktservice {city}", "labour-office"),
        ],
        "SK": [
            (f"Mesto {city}", "municipality"),
            (f"Mestská polícia {city}", "municipal-police"),
            (f"Ústav na výkon trestu odňatia slobody {city}", "prison-service"),
            (f"Úrad práce, sociálnych vecí a rodiny {city}", "labour-office"),
            (f"Stredná odborná škola {city}", "school"),
            (f"Krajské riaditeľstvo PZ {city}", "police"),
        ],
        "SI": [
            (f"Mestna občina {city}", "municipality"),
            (f"Zavod za prestajanje kazni {city}", "prison-service"),
            (f"Center za socialno delo {city}", "social-services"),
            (f"Policijska uprava {city}", "police"),
            (f"Srednja šola {city}", "school"),
            (f"Medobčinsko redarstvo {city}", "municipal-police"),
        ],
        "NO": [
            (f"{city} kommune", "municipality"),
            (f"{city} fengsel", "prison-service"),
            (f"{city} politidistrikt", "police"),
        ],
        "IS": [(f"{city}bær", "municipality")],
        "GB": [(f"{city} City Council", "municipality"), (f"HM Prison {city}", "prison-service")],
    }
    out = list(table[country])
    if region and country == "CZ":
        _name, gen = region[sum(map(ord, city)) % len(region)]
        out.append((f"Krajské ředitelství policie {gen}", "police"))
    return out


@dataclass(frozen=True)
class Org:
    label: str
    actor_type: str
    country: str


class OrgPool:
    """Heavy-tailed organisation choice: Simon's preferential-attachment process per country.

    With probability ``novelty`` a slot gets a fresh organisation of that country, otherwise
    one drawn in proportion to how often it has already taken part.
    """

    def __init__(self, rng: random.Random, novelty: float = 0.35, uniform: float = 0.2) -> None:
        self.rng = rng
        self.novelty = novelty
        self.uniform = uniform
        self.known: dict[str, list[Org]] = {}
        self.seen: set[Org] = set()
        self.by_label: dict[str, Org] = {}
        self.urn: dict[str, list[Org]] = {}

    def fresh(self, country: str, wanted_types: tuple[str, ...] = ()) -> Org:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08 and NATIONAL.get(country):
            label, kind = rng.choice(NATIONAL[country])
        elif roll < 0.16 and REGIONS.get(country):
            label, kind = rng.choice(REGIONS[country])[0], "regional-government"
        elif roll < 0.62:
            bodies = _local_bodies(country, rng.choice(CITIES[country] + TOWNS.get(country, [])))
            preferred = [b for b in bodies if b[1] in wanted_types]
            label, kind = rng.choice(preferred if preferred and rng.random() < 0.7 else bodies)
        elif roll < 0.9:
            heads, names, suffix = NGO_WORDS[country]
            label = f"{rng.choice(heads)} {rng.choice(names)}"
            if rng.random() < 0.8:
                label += f" {rng.choice(CITIES[country] + TOWNS.get(country, []))}"
            label = f"{label}, {suffix}" if suffix else label
            kind = "ngo"
        else:
            label = (
                f"{rng.choice(SURNAMES[country])} {rng.choice(TRADES[country])} "
                f"{COMPANY_SUFFIX[country]}"
            )
            kind = "employer"
        org = self.by_label.setdefault(label, Org(label, kind, country))
        return org

    def pick(self, country: str, wanted_types: tuple[str, ...] = ()) -> Org:
        urn = self.urn.setdefault(country, [])
        known = self.known.setdefault(country, [])
        roll = self.rng.random()
        if not urn or roll < self.novelty:
            org = self.fresh(country, wanted_types)
            if org not in self.seen:
                self.seen.add(org)
                known.append(org)
        elif roll < self.novelty + self.uniform:
            org = self.rng.choice(known)  # softens the head: not every pick is rich-get-richer
        else:
            org = self.rng.choice(urn)
        urn.append(org)
        return org


# --------------------------------------------------------------------------- vocabulary phrases
FUNDERS = {
    "erasmus-plus": dict.fromkeys(LANGS, "Erasmus+"),
    "eea-norway-grants": {
        "cs": "Fondy EHP a Norska",
        "pl": "Fundusze EOG i norweskie",
        "en": "EEA and Norway Grants",
        "de": "EWR- und Norwegen-Finanzierungsmechanismus",
        "sk": "Granty EHP a Nórska",
        "sl": "Norveški finančni mehanizem",
    },
    "active-citizens-fund": {
        "cs": "Active Citizens Fund",
        "pl": "Aktywni Obywatele",
        "en": "Active Citizens Fund",
        "de": "Active Citizens Fund",
        "sk": "Active Citizens Fund",
        "sl": "Active Citizens Fund",
    },
    "esf": {
        "cs": "Evropský sociální fond",
        "pl": "Europejski Fundusz Społeczny",
        "en": "European Social Fund",
        "de": "Europäischer Sozialfonds",
        "sk": "Európsky sociálny fond",
        "sl": "Evropski socialni sklad",
    },
    "erdf": {
        "cs": "Evropský fond pro regionální rozvoj",
        "pl": "Europejski Fundusz Rozwoju Regionalnego",
        "en": "European Regional Development Fund",
        "de": "Europäischer Fonds für regionale Entwicklung",
        "sk": "Európsky fond regionálneho rozvoja",
        "sl": "Evropski sklad za regionalni razvoj",
    },
    "interreg": dict.fromkeys(LANGS, "Interreg"),
    "amif": {
        "cs": "Azylový, migrační a integrační fond",
        "pl": "Fundusz Azylu, Migracji i Integracji",
        "en": "Asylum, Migration and Integration Fund",
        "de": "Asyl-, Migrations- und Integrationsfonds",
        "sk": "Fond pre azyl, migráciu a integráciu",
        "sl": "Sklad za azil, migracije in vključevanje",
    },
    "isf": {
        "cs": "Fond pro vnitřní bezpečnost",
        "pl": "Fundusz Bezpieczeństwa Wewnętrznego",
        "en": "Internal Security Fund",
        "de": "Fonds für die innere Sicherheit",
        "sk": "Fond pre vnútornú bezpečnosť",
        "sl": "Sklad za notranjo varnost",
    },
    "cerv": {
        "cs": "program Občané, rovnost, práva a hodnoty",
        "pl": "Program Obywatele, Równość, Prawa i Wartości",
        "en": "Citizens, Equality, Rights and Values programme",
        "de": "Programm Bürgerinnen und Bürger, Gleichstellung, Rechte und Werte",
        "sk": "program Občania, rovnosť, práva a hodnoty",
        "sl": "program Državljani, enakost, pravice in vrednote",
    },
    "justice-programme": {
        "cs": "program EU Spravedlnost",
        "pl": "program UE Sprawiedliwość",
        "en": "EU Justice Programme",
        "de": "EU-Programm Justiz",
        "sk": "program EÚ Spravodlivosť",
        "sl": "program EU Pravosodje",
    },
    "visegrad-fund": {
        "cs": "Mezinárodní visegrádský fond",
        "pl": "Międzynarodowy Fundusz Wyszehradzki",
        "en": "International Visegrad Fund",
        "de": "Internationaler Visegrád-Fonds",
        "sk": "Medzinárodný vyšehradský fond",
        "sl": "Mednarodni višegrajski sklad",
    },
    "swiss-contribution": {
        "cs": "Švýcarsko-česká spolupráce",
        "pl": "Szwajcarsko-Polski Program Współpracy",
        "en": "Swiss contribution",
        "de": "Schweizer Beitrag",
        "sk": "Švajčiarsky finančný mechanizmus",
        "sl": "Švicarski prispevek",
    },
    "national-public": {
        "cs": "státní rozpočet",
        "pl": "budżet państwa",
        "en": "state budget",
        "de": "Bundesprogramm",
        "sk": "štátny rozpočet",
        "sl": "državni proračun",
    },
}
TARGETS = {
    "prisoners": ("vězni", "więźniowie", "prisoners", "Gefangene", "väzni", "zaporniki"),
    "ex-prisoners": (
        "lidé po výkonu trestu",
        "osoby opuszczające zakłady karne",
        "ex-prisoners",
        "Haftentlassene",
        "prepustení väzni",
        "nekdanji zaporniki",
    ),
    "offenders": (
        "klienti probace",
        "osoby skazane",
        "offenders on probation",
        "Straffällige",
        "klienti probácie",
        "storilci kaznivih dejanj",
    ),
    "migrants": (
        "cizinci",
        "migranci",
        "migrants",
        "Migrantinnen und Migranten",
        "migranti",
        "migranti",
    ),
    "refugees": ("uprchlíci", "uchodźcy", "refugees", "Geflüchtete", "utečenci", "begunci"),
    "roma": ("Romové", "Romowie", "Roma communities", "Roma", "Rómovia", "Romi"),
    "victims-of-crime": (
        "oběti trestných činů",
        "ofiary przestępstw",
        "victims of crime",
        "Opfer von Straftaten",
        "obete trestných činov",
        "žrtve kaznivih dejanj",
    ),
    "victims-of-trafficking": (
        "oběti obchodování s lidmi",
        "ofiary handlu ludźmi",
        "victims of human trafficking",
        "Betroffene von Menschenhandel",
        "obete obchodovania s ľuďmi",
        "žrtve trgovine z ljudmi",
    ),
    "unemployed": (
        "nezaměstnaní",
        "osoby bezrobotne",
        "unemployed people",
        "Arbeitslose",
        "nezamestnaní",
        "brezposelni",
    ),
    "children-youth": (
        "děti a mládež",
        "dzieci i młodzież",
        "young people",
        "Jugendliche",
        "deti a mládež",
        "otroci in mladi",
    ),
    "seniors": (
        "senioři",
        "seniorzy",
        "older people",
        "Seniorinnen und Senioren",
        "seniori",
        "starejši",
    ),
    "women": ("ženy", "kobiety", "women", "Frauen", "ženy", "ženske"),
    "homeless": (
        "lidé bez domova",
        "osoby w kryzysie bezdomności",
        "homeless people",
        "Wohnungslose",
        "ľudia bez domova",
        "brezdomci",
    ),
    "people-with-disabilities": (
        "lidé se zdravotním postižením",
        "osoby z niepełnosprawnościami",
        "people with disabilities",
        "Menschen mit Behinderungen",
        "ľudia so zdravotným postihnutím",
        "osebe z invalidnostjo",
    ),
    "public-officials": (
        "úředníci obcí",
        "pracownicy samorządów",
        "public officials",
        "Verwaltungsbedienstete",
        "zamestnanci samospráv",
        "javni uslužbenci",
    ),
    "law-enforcement-officers": (
        "policisté",
        "policjanci",
        "police officers",
        "Polizeibeamte",
        "policajti",
        "policisti",
    ),
    "prison-staff": (
        "vězeňský personál",
        "funkcjonariusze Służby Więziennej",
        "prison staff",
        "Justizvollzugsbedienstete",
        "personál väzníc",
        "pravosodni policisti",
    ),
    "professionals": (
        "sociální pracovníci",
        "pracownicy socjalni",
        "social workers",
        "Sozialarbeiterinnen und Sozialarbeiter",
        "sociálni pracovníci",
        "socialni delavci",
    ),
    "families": ("rodiny", "rodziny", "families", "Familien", "rodiny", "družine"),
    "general-public": (
        "veřejnost",
        "społeczność lokalna",
        "the general public",
        "die Öffentlichkeit",
        "verejnosť",
        "javnost",
    ),
    "neet": (
        "mladí lidé mimo zaměstnání a vzdělávání",
        "młodzież NEET",
        "NEET young people",
        "NEET-Jugendliche",
        "mladí ľudia NEET",
        "mladi NEET",
    ),
    "people-with-addictions": (
        "lidé se závislostí",
        "osoby uzależnione",
        "people with addictions",
        "Suchtkranke",
        "ľudia so závislosťou",
        "odvisniki",
    ),
}
ACTIVITIES = {
    "training": (
        "vzdělávací kurzy",
        "szkolenia",
        "training courses",
        "Schulungen",
        "vzdelávacie kurzy",
        "usposabljanja",
    ),
    "workshop": ("workshopy", "warsztaty", "workshops", "Workshops", "workshopy", "delavnice"),
    "seminar": ("semináře", "seminaria", "seminars", "Seminare", "semináre", "seminarji"),
    "conference": (
        "závěrečná konference",
        "konferencja końcowa",
        "a final conference",
        "eine Abschlusskonferenz",
        "záverečná konferencia",
        "zaključna konferenca",
    ),
    "study-visit": (
        "studijní cesty",
        "wizyty studyjne",
        "study visits",
        "Studienbesuche",
        "študijné cesty",
        "študijski obiski",
    ),
    "survey-research": (
        "výzkum potřeb",
        "badanie potrzeb",
        "a needs survey",
        "eine Bedarfsanalyse",
        "prieskum potrieb",
        "raziskava potreb",
    ),
    "publication": (
        "metodická příručka",
        "podręcznik",
        "a handbook",
        "ein Handbuch",
        "metodická príručka",
        "priročnik",
    ),
    "counselling": (
        "poradenství",
        "doradztwo",
        "counselling",
        "Beratung",
        "poradenstvo",
        "svetovanje",
    ),
    "e-learning-tool": (
        "e-learningový kurz",
        "platforma e-learningowa",
        "an e-learning platform",
        "eine E-Learning-Plattform",
        "e-learningový kurz",
        "spletna učna platforma",
    ),
    "awareness-campaign": (
        "informační kampaň",
        "kampania informacyjna",
        "an awareness campaign",
        "eine Sensibilisierungskampagne",
        "informačná kampaň",
        "ozaveščevalna kampanja",
    ),
    "exchange-of-good-practice": (
        "výměna dobré praxe",
        "wymiana dobrych praktyk",
        "exchange of good practice",
        "Austausch guter Praxis",
        "výmena dobrej praxe",
        "izmenjava dobrih praks",
    ),
    "networking-meetings": (
        "kulaté stoly",
        "spotkania sieciujące",
        "round tables",
        "Runde Tische",
        "okrúhle stoly",
        "okrogle mize",
    ),
    "mediation": ("mediace", "mediacje", "mediation", "Mediation", "mediácia", "mediacija"),
    "direct-support": (
        "individuální podpora",
        "indywidualne wsparcie",
        "individual support",
        "individuelle Begleitung",
        "individuálna podpora",
        "individualna podpora",
    ),
    "joint-operations": (
        "společné hlídky",
        "wspólne patrole",
        "joint patrols",
        "gemeinsame Streifen",
        "spoločné hliadky",
        "skupne patrulje",
    ),
    "strategy-development": (
        "místní strategie",
        "strategia lokalna",
        "a local strategy",
        "eine lokale Strategie",
        "miestna stratégia",
        "lokalna strategija",
    ),
}


@dataclass(frozen=True)
class Theme:
    name: str
    targets: tuple[str, ...]
    activities: tuple[str, ...]
    actor_types: tuple[str, ...]
    funders: tuple[str, ...]
    titles: dict[str, tuple[str, ...]]
    sentences: dict[str, tuple[str, ...]]


THEMES = (
    Theme(
        "prison",
        ("prisoners", "ex-prisoners", "prison-staff", "families", "offenders"),
        ("training", "counselling", "direct-support", "study-visit", "publication"),
        ("prison-service", "probation-service", "ngo", "labour-office", "employer"),
        ("eea-norway-grants", "esf", "erasmus-plus", "justice-programme"),
        {
            "cs": ("Práce jako most", "Nová šance po výstupu z vězení", "Vzdělávání ve věznicích"),
            "pl": (
                "Praca jako pomost",
                "Nowy start po wyjściu z więzienia",
                "Edukacja w zakładach karnych",
            ),
            "en": ("Work as a bridge", "A new start after prison", "Learning behind bars"),
            "de": ("Arbeit als Brücke", "Neustart nach der Haft", "Bildung im Justizvollzug"),
            "sk": ("Práca ako most", "Nový začiatok po výkone trestu", "Vzdelávanie vo väzniciach"),
            "sl": ("Delo kot most", "Nov začetek po prestani kazni", "Izobraževanje v zaporih"),
        },
        {
            "cs": (
                "Projekt připravuje vězně na propuštění a pomáhá jim najít zaměstnání.",
                "Sociální pracovníci navštěvují vězně ve věznici a sestavují s nimi "
                "individuální plán.",
            ),
            "pl": (
                "Projekt przygotowuje więźniów do wyjścia na wolność i pomaga im znaleźć pracę.",
                "Doradcy odwiedzają osadzonych w zakładzie karnym i tworzą z nimi "
                "indywidualny plan.",
            ),
            "en": (
                "The project prepares prisoners for release and helps them find work.",
                "Social workers visit inmates in prison and draw up an individual plan "
                "with each of them.",
            ),
            "de": (
                "Das Projekt bereitet Gefangene auf die Entlassung vor und unterstützt sie "
                "bei der Arbeitssuche.",
                "Sozialarbeiter besuchen die Inhaftierten in der Justizvollzugsanstalt.",
            ),
            "sk": (
                "Projekt pripravuje väzňov na prepustenie a pomáha im nájsť zamestnanie.",
                "Sociálni pracovníci navštevujú odsúdených vo väznici.",
            ),
            "sl": (
                "Projekt pripravlja zapornike na odpust in jim pomaga najti zaposlitev.",
                "Socialni delavci obiskujejo zapornike v zaporu in z njimi pripravijo "
                "individualni načrt.",
            ),
        },
    ),
    Theme(
        "migration",
        ("migrants", "refugees", "children-youth", "women", "public-officials"),
        ("counselling", "training", "direct-support", "awareness-campaign", "workshop"),
        ("ngo", "municipality", "government-agency", "school", "social-services"),
        ("amif", "esf", "active-citizens-fund", "cerv"),
        {
            "cs": ("Cizinci v obci", "Společně v regionu", "Jazyk jako klíč"),
            "pl": ("Migranci w gminie", "Razem w regionie", "Język jako klucz"),
            "en": ("Newcomers in town", "Together in the region", "Language as a key"),
            "de": ("Ankommen in der Stadt", "Gemeinsam in der Region", "Sprache als Schlüssel"),
            "sk": ("Cudzinci v obci", "Spolu v regióne", "Jazyk ako kľúč"),
            "sl": ("Priseljenci v občini", "Skupaj v regiji", "Jezik kot ključ"),
        },
        {
            "cs": (
                "Projekt podporuje integraci cizinců na místní úrovni.",
                "Kurzy češtiny a tlumočení usnadňují cizincům kontakt s úřady.",
            ),
            "pl": (
                "Projekt wspiera integrację migrantów na poziomie lokalnym.",
                "Kursy języka polskiego ułatwiają cudzoziemcom kontakt z urzędami.",
            ),
            "en": (
                "The project supports the integration of migrants at local level.",
                "Language courses and interpreting help newcomers deal with public offices.",
            ),
            "de": (
                "Das Projekt fördert die Integration von Zugewanderten vor Ort.",
                "Sprachkurse und Dolmetschen erleichtern den Kontakt mit Behörden.",
            ),
            "sk": (
                "Projekt podporuje integráciu cudzincov na miestnej úrovni.",
                "Jazykové kurzy uľahčujú cudzincom kontakt s úradmi.",
            ),
            "sl": (
                "Projekt podpira vključevanje priseljencev na lokalni ravni.",
                "Jezikovni tečaji priseljencem olajšajo stik z upravo.",
            ),
        },
    ),
    Theme(
        "policing",
        ("general-public", "law-enforcement-officers", "public-officials", "seniors"),
        (
            "joint-operations",
            "training",
            "exchange-of-good-practice",
            "study-visit",
            "networking-meetings",
        ),
        ("police", "municipal-police", "municipality", "ministry", "fire-rescue"),
        ("eea-norway-grants", "isf", "interreg", "national-public"),
        {
            "cs": ("Bezpečně doma i venku", "Společné hlídky v příhraničí", "Policie blíž lidem"),
            "pl": (
                "Bezpieczny dom i ulica",
                "Wspólne patrole na pograniczu",
                "Policja bliżej ludzi",
            ),
            "en": (
                "Safe at home and outside",
                "Joint patrols in the border region",
                "Community policing in practice",
            ),
            "de": (
                "Sicher zu Hause und unterwegs",
                "Gemeinsame Streifen im Grenzraum",
                "Bürgernahe Polizei",
            ),
            "sk": (
                "Bezpečne doma aj vonku",
                "Spoločné hliadky v pohraničí",
                "Polícia bližšie k ľuďom",
            ),
            "sl": ("Varno doma in zunaj", "Skupne patrulje ob meji", "Policija bližje ljudem"),
        },
        {
            "cs": (
                "Projekt posiluje spolupráci státní policie s obecní policií a obcemi.",
                "Policisté a strážníci sdílejí zkušenosti s prevencí kriminality.",
            ),
            "pl": (
                "Projekt wzmacnia współpracę policji ze strażą miejską i samorządami.",
                "Policjanci i strażnicy wymieniają doświadczenia w zakresie prewencji.",
            ),
            "en": (
                "The project strengthens cooperation between state police and municipalities.",
                "Police officers share experience in crime prevention.",
            ),
            "de": (
                "Das Projekt stärkt die Zusammenarbeit der Polizei mit den Kommunen.",
                "Polizeibeamte tauschen Erfahrungen in der Kriminalprävention aus.",
            ),
            "sk": (
                "Projekt posilňuje spoluprácu štátnej polície s mestskou políciou a obcami.",
                "Policajti si vymieňajú skúsenosti s prevenciou kriminality.",
            ),
            "sl": (
                "Projekt krepi sodelovanje policije z občinami in redarstvom.",
                "Policisti si izmenjujejo izkušnje s preprečevanjem kriminalitete.",
            ),
        },
    ),
    Theme(
        "employment",
        ("unemployed", "neet", "children-youth", "people-with-disabilities", "women"),
        ("training", "counselling", "workshop", "direct-support", "e-learning-tool"),
        ("labour-office", "school", "employer", "ngo", "municipality"),
        ("esf", "erasmus-plus", "erdf", "swiss-contribution"),
        {
            "cs": ("Cesta k zaměstnání", "Mladí do práce", "Dovednosti pro trh práce"),
            "pl": ("Droga do zatrudnienia", "Młodzi na rynku pracy", "Kompetencje do pracy"),
            "en": ("Pathways to employment", "Youth into work", "Skills for the labour market"),
            "de": ("Wege in Arbeit", "Jugend in Beschäftigung", "Kompetenzen für den Arbeitsmarkt"),
            "sk": ("Cesta k zamestnaniu", "Mladí do práce", "Zručnosti pre trh práce"),
            "sl": ("Pot do zaposlitve", "Mladi na trg dela", "Znanja za trg dela"),
        },
        {
            "cs": (
                "Účastníci absolvují rekvalifikační kurzy a praxi u zaměstnavatelů.",
                "Kariérní poradci pomáhají nezaměstnaným s hledáním práce.",
            ),
            "pl": (
                "Uczestnicy biorą udział w kursach zawodowych i stażach u pracodawców.",
                "Doradcy zawodowi pomagają osobom bezrobotnym w szukaniu pracy.",
            ),
            "en": (
                "Participants take vocational courses and work placements with employers.",
                "Career advisers help unemployed people look for work.",
            ),
            "de": (
                "Die Teilnehmenden besuchen Qualifizierungskurse und Praktika.",
                "Beraterinnen unterstützen Arbeitslose bei der Stellensuche.",
            ),
            "sk": (
                "Účastníci absolvujú rekvalifikačné kurzy a prax u zamestnávateľov.",
                "Kariérni poradcovia pomáhajú nezamestnaným pri hľadaní práce.",
            ),
            "sl": (
                "Udeleženci opravijo poklicne tečaje in prakso pri delodajalcih.",
                "Karierni svetovalci pomagajo brezposelnim pri iskanju zaposlitve.",
            ),
        },
    ),
    Theme(
        "roma",
        ("roma", "children-youth", "families", "general-public"),
        ("direct-support", "awareness-campaign", "training", "mediation", "survey-research"),
        ("ngo", "municipality", "school", "government-agency", "social-services"),
        ("eea-norway-grants", "esf", "active-citizens-fund", "national-public"),
        {
            "cs": (
                "Romská komunita a škola",
                "Spolu proti vyloučení",
                "Komunitní práce v lokalitě",
            ),
            "pl": (
                "Społeczność romska i szkoła",
                "Razem przeciw wykluczeniu",
                "Asystent romski w gminie",
            ),
            "en": (
                "Roma communities and schools",
                "Together against exclusion",
                "Community work in segregated localities",
            ),
            "de": ("Roma und Schule", "Gemeinsam gegen Ausgrenzung", "Gemeinwesenarbeit vor Ort"),
            "sk": ("Rómska komunita a škola", "Spolu proti vylúčeniu", "Komunitná práca v obci"),
            "sl": (
                "Romska skupnost in šola",
                "Skupaj proti izključenosti",
                "Delo v romskih naseljih",
            ),
        },
        {
            "cs": (
                "Terénní pracovníci pomáhají romským rodinám s bydlením a školní docházkou.",
                "Projekt snižuje sociální vyloučení v lokalitě.",
            ),
            "pl": (
                "Asystenci romscy wspierają rodziny w kontaktach ze szkołą.",
                "Projekt przeciwdziała wykluczeniu społecznemu.",
            ),
            "en": (
                "Field workers help Roma families with housing and school attendance.",
                "The project reduces social exclusion in the locality.",
            ),
            "de": (
                "Streetworker unterstützen Roma-Familien bei Wohnen und Schulbesuch.",
                "Das Projekt verringert soziale Ausgrenzung.",
            ),
            "sk": (
                "Terénni pracovníci pomáhajú rómskym rodinám s bývaním a dochádzkou do školy.",
                "Projekt znižuje sociálne vylúčenie v obci.",
            ),
            "sl": (
                "Terenski delavci pomagajo romskim družinam pri stanovanju in šolanju.",
                "Projekt zmanjšuje socialno izključenost.",
            ),
        },
    ),
    Theme(
        "violence",
        ("victims-of-crime", "women", "children-youth", "victims-of-trafficking", "professionals"),
        ("counselling", "awareness-campaign", "training", "publication", "networking-meetings"),
        ("ngo", "police", "social-services", "court-prosecution", "health-services"),
        ("cerv", "justice-programme", "eea-norway-grants", "active-citizens-fund"),
        {
            "cs": ("Bezpečný domov", "Pomoc obětem násilí", "Síť proti domácímu násilí"),
            "pl": ("Bezpieczny dom", "Pomoc ofiarom przemocy", "Sieć przeciw przemocy domowej"),
            "en": (
                "Safe home",
                "Support for victims of violence",
                "A network against domestic violence",
            ),
            "de": (
                "Sicheres Zuhause",
                "Hilfe für Gewaltbetroffene",
                "Netzwerk gegen häusliche Gewalt",
            ),
            "sk": ("Bezpečný domov", "Pomoc obetiam násilia", "Sieť proti domácemu násiliu"),
            "sl": ("Varen dom", "Pomoč žrtvam nasilja", "Mreža proti nasilju v družini"),
        },
        {
            "cs": (
                "Intervenční centrum poskytuje obětem domácího násilí krizovou pomoc.",
                "Policisté a sociální pracovníci se učí rozpoznat známky násilí.",
            ),
            "pl": (
                "Punkt interwencyjny zapewnia ofiarom przemocy domowej pomoc kryzysową.",
                "Policjanci i pracownicy socjalni uczą się rozpoznawać przemoc.",
            ),
            "en": (
                "The intervention centre gives victims of domestic violence crisis support.",
                "Police officers and social workers learn to recognise signs of abuse.",
            ),
            "de": (
                "Die Interventionsstelle bietet Betroffenen häuslicher Gewalt Krisenhilfe.",
                "Fachkräfte lernen, Anzeichen von Gewalt zu erkennen.",
            ),
            "sk": (
                "Intervenčné centrum poskytuje obetiam domáceho násilia krízovú pomoc.",
                "Policajti a sociálni pracovníci sa učia rozpoznať násilie.",
            ),
            "sl": (
                "Intervencijski center žrtvam nasilja v družini nudi krizno pomoč.",
                "Policisti in socialni delavci se učijo prepoznati znake nasilja.",
            ),
        },
    ),
)

# "Recipient: …", "Partners: …" etc. per language
HEADERS = {
    "cs": ("Příjemce", "Partneři", "Program", "Období realizace", "Rozpočet"),
    "pl": ("Beneficjent", "Partnerzy", "Program", "Okres realizacji", "Budżet"),
    "en": ("Lead organisation", "Partners", "Programme", "Duration", "Budget"),
    "de": ("Projektträger", "Partner", "Förderprogramm", "Laufzeit", "Budget"),
    "sk": ("Prijímateľ", "Partneri", "Program", "Obdobie realizácie", "Rozpočet"),
    "sl": ("Nosilec", "Partnerji", "Program", "Trajanje", "Proračun"),
}
TARGET_LEAD = {
    "cs": "Cílovou skupinou projektu jsou {}.",
    "pl": "Grupą docelową projektu są {}.",
    "en": "The project is aimed at {}.",
    "de": "Zielgruppen des Projekts sind {}.",
    "sk": "Cieľovou skupinou projektu sú {}.",
    "sl": "Ciljne skupine projekta so {}.",
}
ACTIVITY_LEAD = {
    "cs": "Hlavní aktivity: {}.",
    "pl": "Główne działania: {}.",
    "en": "Main activities: {}.",
    "de": "Wichtigste Maßnahmen: {}.",
    "sk": "Hlavné aktivity: {}.",
    "sl": "Glavne dejavnosti: {}.",
}
AND = {"cs": "a", "pl": "i", "en": "and", "de": "und", "sk": "a", "sl": "in"}
CLOSING = {
    "cs": (
        "Výstupy projektu jsou volně k dispozici na webu příjemce.",
        "Projekt navazuje na předchozí spolupráci partnerů v regionu.",
    ),
    "pl": (
        "Rezultaty projektu są dostępne na stronie beneficjenta.",
        "Projekt jest kontynuacją wcześniejszej współpracy partnerów.",
    ),
    "en": (
        "The results are freely available on the lead organisation's website.",
        "The project builds on earlier cooperation between the partners.",
    ),
    "de": (
        "Die Ergebnisse stehen auf der Website des Trägers zur Verfügung.",
        "Das Projekt baut auf einer früheren Zusammenarbeit der Partner auf.",
    ),
    "sk": (
        "Výstupy projektu sú voľne dostupné na webe prijímateľa.",
        "Projekt nadväzuje na predchádzajúcu spoluprácu partnerov.",
    ),
    "sl": (
        "Rezultati projekta so prosto dostopni na spletni strani nosilca.",
        "Projekt nadaljuje predhodno sodelovanje partnerjev.",
    ),
}


class _Text:
    """Builds a text while remembering where each inserted phrase lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> Span:
        span = Span(self.length, self.length + len(text), text)
        self.parts.append(text)
        self.length += len(text)
        return span

    def value(self) -> str:
        return "".join(self.parts)


_WORD = re.compile(r"[^\W\d_]+")


def _lemmas(text: str, lang: str) -> list[str]:
    """Folded lemmas of the alphabetic words, as the praxis lemmatiser stores them."""
    from ingest.lemmatize import lemmatize
    from ingest.normalise import fold

    return [fold(lemmatize(w, lang)) or w for w in _WORD.findall(text)]


@dataclass
class SynthProject:
    document: Document
    extraction: Extraction
    path: str  # relative path of the text file
    theme: str = ""
    orgs: list[Org] = field(default_factory=list)


class SynthCorpus:
    """A deterministic stream of synthetic projects (project ``i`` depends on all before it,
    because organisation popularity accumulates)."""

    def __init__(self, seed: int = 0, base: str | Path = "synth") -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.pool = OrgPool(self.rng)
        self.base = Path(base)
        self._next = 0

    def project(self, index: int) -> SynthProject:
        """The next project (call with consecutive indexes from 0)."""
        if index != self._next:
            raise ValueError("projects are generated in order")
        self._next += 1
        rng = self.rng
        lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
        li = LANGS.index(lang)
        theme = rng.choice(THEMES)
        country = rng.choice(HOME[lang])
        city = rng.choice(CITIES[country])
        year = rng.randint(2009, 2024)
        funder = rng.choice(theme.funders)
        # partners: 0..7, heavy-ish tail; foreign partners for international programmes
        n_partners = min(int(rng.paretovariate(1.4)) + rng.randint(0, 2), 12)
        international = funder in (
            "erasmus-plus",
            "eea-norway-grants",
            "interreg",
            "visegrad-fund",
            "justice-programme",
            "cerv",
        )
        coordinator = self.pool.pick(country, theme.actor_types)
        partners: list[Org] = []
        for _ in range(n_partners):
            where = rng.choice(FOREIGN) if international and rng.random() < 0.45 else country
            org = self.pool.pick(where, theme.actor_types)
            if org != coordinator and org not in partners:
                partners.append(org)
        targets = rng.sample(theme.targets, k=min(len(theme.targets), rng.randint(1, 3)))
        activities = rng.sample(theme.activities, k=rng.randint(2, 4))
        acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVZ") for _ in range(rng.randint(3, 7)))
        title = f"{acronym} - {rng.choice(theme.titles[lang])} ({city})"

        t = _Text()
        heads = HEADERS[lang]
        t.add(title + "\n\n")
        t.add(f"{heads[0]}: ")
        coord_span = t.add(coordinator.label)
        t.add("\n")
        partner_spans: list[Span] = []
        if partners:
            t.add(f"{heads[1]}: ")
            for i, org in enumerate(partners):
                if i:
                    t.add("; ")
                partner_spans.append(t.add(org.label))
            t.add("\n")
        t.add(f"{heads[2]}: ")
        funder_span = t.add(FUNDERS[funder][lang])
        t.add(f"\n{heads[3]}: {year}-{year + rng.randint(1, 3)}\n")
        t.add(f"{heads[4]}: {rng.randint(20, 2000) * 1000:,} EUR\n\n".replace(",", " "))
        sentences = list(theme.sentences[lang])
        rng.shuffle(sentences)
        t.add(sentences[0] + " ")
        lead_t = TARGET_LEAD[lang]
        before, _, after = lead_t.partition("{}")
        t.add(before)
        target_spans = []
        for i, notation in enumerate(targets):
            if i:
                t.add(", " if i < len(targets) - 1 else f" {AND[lang]} ")
            target_spans.append((notation, t.add(TARGETS[notation][li])))
        t.add(after + " ")
        before, _, after = ACTIVITY_LEAD[lang].partition("{}")
        t.add(before)
        activity_spans = []
        for i, notation in enumerate(activities):
            if i:
                t.add(", ")
            activity_spans.append((notation, t.add(ACTIVITIES[notation][li])))
        t.add(after)
        if len(sentences) > 1:
            t.add(" " + sentences[1])
        t.add(" " + rng.choice(CLOSING[lang]))
        text = t.value()

        rel = f"{lang}/{index:07d}.txt"
        path = (self.base / rel).resolve()
        from ingest.readers import doc_id_for

        document = Document(
            doc_id=doc_id_for(path),
            text=text,
            source_path=str(path),
            file_name=path.name,
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            lang=lang,
        )
        orgs = [
            OrganisationMention(
                label=coordinator.label,
                actor_type=coordinator.actor_type,
                spans=[coord_span],
                role="coordinator",
                country=coordinator.country,
                confidence=0.8,
            )
        ]
        for org, span in zip(partners, partner_spans, strict=True):
            orgs.append(
                OrganisationMention(
                    label=org.label,
                    actor_type=org.actor_type,
                    spans=[span],
                    role="partner",
                    country=org.country,
                    confidence=0.8,
                )
            )
        extraction = Extraction(
            document=document,
            title=title,
            funders=[ConceptMention("funder", funder, funder_span, "synth")],
            target_groups=[ConceptMention("target-group", n, s, "synth") for n, s in target_spans],
            activity_types=[
                ConceptMention("activity-type", n, s, "synth") for n, s in activity_spans
            ],
            countries=[],
            organisations=orgs,
            lemmas=_lemmas(text, lang),
        )
        return SynthProject(document, extraction, rel, theme.name, [coordinator, *partners])

    def __iter__(self) -> Iterator[SynthProject]:
        while True:
            yield self.project(self._next)


def projects(n: int, seed: int = 0, base: str | Path = "synth") -> Iterator[SynthProject]:
    """The first ``n`` projects of the corpus with this seed."""
    corpus = SynthCorpus(seed, base)
    for i in range(n):
        yield corpus.project(i)


def write_texts(n: int, out: str | Path, seed: int = 0) -> int:
    """Write ``n`` project texts under ``out/<lang>/``; returns the number written."""
    out = Path(out)
    count = 0
    for p in projects(n, seed, out):
        target = out / p.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(p.document.text + "\n", encoding="utf-8")
        count += 1
    return count


def write_nquads(n: int, out: IO[bytes], seed: int = 0, base: str | Path = "synth") -> int:
    """Write ``n`` projects as N-Quads (one named graph each, as ingest writes them)."""
    from pyoxigraph import RdfFormat, serialize

    from ingest.rdf import extraction_quads

    count = 0
    batch = []
    for p in projects(n, seed, base):
        batch.extend(extraction_quads(p.extraction))
        count += 1
        if len(batch) > 50_000:
            serialize(batch, out, RdfFormat.N_QUADS)
            batch = []
    if batch:
        serialize(batch, out, RdfFormat.N_QUADS)
    return count
