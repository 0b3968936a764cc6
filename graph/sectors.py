"""Actor types grouped into sectors, for brokerage and sector-mixing analysis.

The mapping is data: one sector per actor-type notation (``ontology/vocab/actor-type.ttl``).
Brokers are organisations whose partners come from several sectors or countries.

>>> sector_of("probation-service")
'justice'
>>> sector_of(None)
'unknown'
"""

from __future__ import annotations

#: sector -> actor-type notations in it
SECTOR_MEMBERS: dict[str, tuple[str, ...]] = {
    "public-authority": (
        "ministry",
        "government-agency",
        "regional-government",
        "municipality",
        "local-government-association",
        "advisory-body",
        "ombudsman",
        "diplomatic-mission",
    ),
    "law-enforcement": ("police", "municipal-police", "border-guard", "fire-rescue"),
    "justice": ("prison-service", "probation-service", "court-prosecution"),
    "public-services": ("social-services", "labour-office", "health-services"),
    "ngo": ("ngo", "religious-organisation", "social-enterprise"),
    "social-partners": ("trade-union",),
    "business": ("employer", "media"),
    "education-research": ("school", "university-research"),
    "international": ("international-organisation", "eu-body"),
}

SECTOR_LABELS: dict[str, str] = {
    "public-authority": "public authority",
    "law-enforcement": "law enforcement",
    "justice": "justice",
    "public-services": "public services (social, labour, health)",
    "ngo": "NGO / civil society",
    "social-partners": "social partners",
    "business": "business",
    "education-research": "education and research",
    "international": "international / EU",
    "unknown": "unknown",
}

SECTORS: dict[str, str] = {
    actor_type: sector for sector, members in SECTOR_MEMBERS.items() for actor_type in members
}


def sector_of(actor_type: str | None) -> str:
    """The sector of an actor-type notation (``unknown`` when untyped or unmapped)."""
    if not actor_type:
        return "unknown"
    return SECTORS.get(actor_type, "unknown")
