"""The fixed list of home areas: UK nations and English regions, and London boroughs.

Programmes name the region they serve, members (later) choose a home area and
events a location from this same list, so that "near me" means the same thing
everywhere. Values are stable slugs; labels are translatable.
"""

from home.areas.names import AREA_CHOICES, AREA_LABELS, LONDON_BOROUGHS, NATIONS_AND_REGIONS
from home.areas.neighbours import BOROUGH_NEIGHBOURS, REGION_NEIGHBOURS


def area_label(value: str) -> str:
    """The readable name of an area slug, or an empty string for an unknown one."""
    return str(AREA_LABELS.get(value, ""))


def region_of(value: str) -> str:
    """The nation or region an area belongs to (a London borough belongs to London)."""
    return "london" if value.startswith("london-") else value


def areas_near(value: str) -> set[str]:
    """The area itself and its neighbours: for a London borough, the boroughs around it
    and London-wide; for London, every borough too; for a region, the regions it borders."""
    if not value:
        return set()
    if value.startswith("london-"):
        return {value, "london", *BOROUGH_NEIGHBOURS.get(value, set())}
    near = {value, *REGION_NEIGHBOURS.get(value, set())}
    if value == "london":
        near.update(slug for slug, _label in LONDON_BOROUGHS)
    return near


__all__ = [
    "NATIONS_AND_REGIONS",
    "LONDON_BOROUGHS",
    "AREA_CHOICES",
    "AREA_LABELS",
    "REGION_NEIGHBOURS",
    "BOROUGH_NEIGHBOURS",
    "area_label",
    "areas_near",
    "region_of",
]
