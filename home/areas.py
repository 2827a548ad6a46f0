"""The fixed list of home areas: UK nations and English regions, and London boroughs.

Programmes name the region they serve, members (later) choose a home area and
events a location from this same list, so that "near me" means the same thing
everywhere. Values are stable slugs; labels are translatable.
"""

from django.utils.translation import gettext_lazy as _

NATIONS_AND_REGIONS = [
    ("england-north-east", _("North East England")),
    ("england-north-west", _("North West England")),
    ("england-yorkshire", _("Yorkshire and the Humber")),
    ("england-east-midlands", _("East Midlands")),
    ("england-west-midlands", _("West Midlands")),
    ("england-east", _("East of England")),
    ("london", _("Greater London")),
    ("england-south-east", _("South East England")),
    ("england-south-west", _("South West England")),
    ("scotland", _("Scotland")),
    ("wales", _("Wales")),
    ("northern-ireland", _("Northern Ireland")),
]

LONDON_BOROUGHS = [
    ("london-barking-dagenham", _("Barking and Dagenham")),
    ("london-barnet", _("Barnet")),
    ("london-bexley", _("Bexley")),
    ("london-brent", _("Brent")),
    ("london-bromley", _("Bromley")),
    ("london-camden", _("Camden")),
    ("london-city", _("City of London")),
    ("london-croydon", _("Croydon")),
    ("london-ealing", _("Ealing")),
    ("london-enfield", _("Enfield")),
    ("london-greenwich", _("Greenwich")),
    ("london-hackney", _("Hackney")),
    ("london-hammersmith-fulham", _("Hammersmith and Fulham")),
    ("london-haringey", _("Haringey")),
    ("london-harrow", _("Harrow")),
    ("london-havering", _("Havering")),
    ("london-hillingdon", _("Hillingdon")),
    ("london-hounslow", _("Hounslow")),
    ("london-islington", _("Islington")),
    ("london-kensington-chelsea", _("Kensington and Chelsea")),
    ("london-kingston", _("Kingston upon Thames")),
    ("london-lambeth", _("Lambeth")),
    ("london-lewisham", _("Lewisham")),
    ("london-merton", _("Merton")),
    ("london-newham", _("Newham")),
    ("london-redbridge", _("Redbridge")),
    ("london-richmond", _("Richmond upon Thames")),
    ("london-southwark", _("Southwark")),
    ("london-sutton", _("Sutton")),
    ("london-tower-hamlets", _("Tower Hamlets")),
    ("london-waltham-forest", _("Waltham Forest")),
    ("london-wandsworth", _("Wandsworth")),
    ("london-westminster", _("Westminster")),
]

AREA_CHOICES = [
    (_("UK nations and regions"), NATIONS_AND_REGIONS),
    (_("London boroughs"), LONDON_BOROUGHS),
]

AREA_LABELS = dict(NATIONS_AND_REGIONS + LONDON_BOROUGHS)

# Nations and regions that share a land border, each border written once (the
# neighbour maps below are built from it, so they are symmetrical by construction).
# Northern Ireland shares no land border with Great Britain. London boroughs are all
# near Greater London; borough-to-borough borders are in BOROUGH_BORDERS below.
REGION_BORDERS = [
    ("england-east", "england-east-midlands"),
    ("england-east", "england-south-east"),
    ("england-east", "london"),
    ("england-east-midlands", "england-north-west"),
    ("england-east-midlands", "england-south-east"),
    ("england-east-midlands", "england-west-midlands"),
    ("england-east-midlands", "england-yorkshire"),
    ("england-north-east", "england-north-west"),
    ("england-north-east", "england-yorkshire"),
    ("england-north-east", "scotland"),
    ("england-north-west", "england-west-midlands"),
    ("england-north-west", "england-yorkshire"),
    ("england-north-west", "scotland"),
    ("england-north-west", "wales"),
    ("england-south-east", "england-south-west"),
    ("england-south-east", "england-west-midlands"),
    ("england-south-east", "london"),
    ("england-south-west", "england-west-midlands"),
    ("england-south-west", "wales"),
    ("england-west-midlands", "wales"),
]


def area_label(value: str) -> str:
    """The readable name of an area slug, or an empty string for an unknown one."""
    return str(AREA_LABELS.get(value, ""))


def region_of(value: str) -> str:
    """The nation or region an area belongs to (a London borough belongs to London)."""
    return "london" if value.startswith("london-") else value


# London boroughs that share a border, each written once, so that "near me" for someone
# in Hackney means Hackney, the boroughs around it and London-wide events, not all 33.
BOROUGH_BORDERS = [
    ("london-barking-dagenham", "london-havering"),
    ("london-barking-dagenham", "london-newham"),
    ("london-barking-dagenham", "london-redbridge"),
    ("london-barnet", "london-brent"),
    ("london-barnet", "london-camden"),
    ("london-barnet", "london-enfield"),
    ("london-barnet", "london-haringey"),
    ("london-barnet", "london-harrow"),
    ("london-bexley", "london-bromley"),
    ("london-bexley", "london-greenwich"),
    ("london-brent", "london-camden"),
    ("london-brent", "london-ealing"),
    ("london-brent", "london-hammersmith-fulham"),
    ("london-brent", "london-harrow"),
    ("london-brent", "london-kensington-chelsea"),
    ("london-brent", "london-westminster"),
    ("london-bromley", "london-croydon"),
    ("london-bromley", "london-greenwich"),
    ("london-bromley", "london-lewisham"),
    ("london-camden", "london-city"),
    ("london-camden", "london-haringey"),
    ("london-camden", "london-islington"),
    ("london-camden", "london-westminster"),
    ("london-city", "london-hackney"),
    ("london-city", "london-islington"),
    ("london-city", "london-southwark"),
    ("london-city", "london-tower-hamlets"),
    ("london-city", "london-westminster"),
    ("london-croydon", "london-lambeth"),
    ("london-croydon", "london-merton"),
    ("london-croydon", "london-sutton"),
    ("london-ealing", "london-hammersmith-fulham"),
    ("london-ealing", "london-harrow"),
    ("london-ealing", "london-hillingdon"),
    ("london-ealing", "london-hounslow"),
    ("london-enfield", "london-haringey"),
    ("london-enfield", "london-waltham-forest"),
    ("london-greenwich", "london-lewisham"),
    ("london-greenwich", "london-newham"),
    ("london-hackney", "london-haringey"),
    ("london-hackney", "london-islington"),
    ("london-hackney", "london-newham"),
    ("london-hackney", "london-tower-hamlets"),
    ("london-hackney", "london-waltham-forest"),
    ("london-hammersmith-fulham", "london-hounslow"),
    ("london-hammersmith-fulham", "london-kensington-chelsea"),
    ("london-hammersmith-fulham", "london-richmond"),
    ("london-hammersmith-fulham", "london-wandsworth"),
    ("london-haringey", "london-islington"),
    ("london-haringey", "london-waltham-forest"),
    ("london-harrow", "london-hillingdon"),
    ("london-havering", "london-redbridge"),
    ("london-hillingdon", "london-hounslow"),
    ("london-hounslow", "london-richmond"),
    ("london-kensington-chelsea", "london-wandsworth"),
    ("london-kensington-chelsea", "london-westminster"),
    ("london-kingston", "london-merton"),
    ("london-kingston", "london-richmond"),
    ("london-kingston", "london-sutton"),
    ("london-kingston", "london-wandsworth"),
    ("london-lambeth", "london-merton"),
    ("london-lambeth", "london-southwark"),
    ("london-lambeth", "london-wandsworth"),
    ("london-lambeth", "london-westminster"),
    ("london-lewisham", "london-southwark"),
    ("london-merton", "london-sutton"),
    ("london-merton", "london-wandsworth"),
    ("london-newham", "london-redbridge"),
    ("london-newham", "london-tower-hamlets"),
    ("london-newham", "london-waltham-forest"),
    ("london-redbridge", "london-waltham-forest"),
    ("london-richmond", "london-wandsworth"),
    ("london-southwark", "london-tower-hamlets"),
]


def _neighbour_map(slugs, borders) -> dict[str, frozenset[str]]:
    """Each area's neighbours, from borders written once: if A borders B, B borders A."""
    neighbours = {slug: set() for slug in slugs}
    for first, second in borders:
        neighbours[first].add(second)
        neighbours[second].add(first)
    return {slug: frozenset(near) for slug, near in neighbours.items()}


REGION_NEIGHBOURS = _neighbour_map([slug for slug, _label in NATIONS_AND_REGIONS], REGION_BORDERS)
BOROUGH_NEIGHBOURS = _neighbour_map([slug for slug, _label in LONDON_BOROUGHS], BOROUGH_BORDERS)


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


def local_areas(value: str) -> set[str]:
    """The areas whose in-person events are "near me" for someone living in `value`:
    the area itself; for a London borough, the boroughs around it and London-wide; for
    London, every borough too.

    A nation or region is big (the North West runs from Crewe to Carlisle), so the
    regions bordering it are not near: a member in Manchester is not offered Cardiff,
    Glasgow, Newcastle or Birmingham as near. Bordering regions still widen the search
    where distance matters less, such as a mentor met online (`areas_near`)."""
    if not value:
        return set()
    if value.startswith("london-") or value == "london":
        return areas_near(value)
    return {value}
