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

# Nations and regions that share a border. London boroughs are all near Greater London;
# borough-to-borough neighbours are in BOROUGH_NEIGHBOURS below.
REGION_NEIGHBOURS = {
    "england-north-east": {"england-north-west", "england-yorkshire", "scotland"},
    "england-north-west": {
        "england-north-east",
        "england-yorkshire",
        "england-east-midlands",
        "england-west-midlands",
        "scotland",
        "wales",
    },
    "england-yorkshire": {
        "england-north-east",
        "england-north-west",
        "england-east-midlands",
    },
    "england-east-midlands": {
        "england-yorkshire",
        "england-north-west",
        "england-west-midlands",
        "england-east",
        "england-south-east",
    },
    "england-west-midlands": {
        "england-north-west",
        "england-east-midlands",
        "england-south-east",
        "england-south-west",
        "wales",
    },
    "england-east": {"england-east-midlands", "england-south-east", "london"},
    "london": {"england-east", "england-south-east"},
    "england-south-east": {
        "london",
        "england-east",
        "england-east-midlands",
        "england-west-midlands",
        "england-south-west",
    },
    "england-south-west": {"england-south-east", "england-west-midlands", "wales"},
    "scotland": {"england-north-east", "england-north-west"},
    "wales": {"england-north-west", "england-west-midlands", "england-south-west"},
    "northern-ireland": set(),
}


def area_label(value: str) -> str:
    """The readable name of an area slug, or an empty string for an unknown one."""
    return str(AREA_LABELS.get(value, ""))


def region_of(value: str) -> str:
    """The nation or region an area belongs to (a London borough belongs to London)."""
    return "london" if value.startswith("london-") else value


# London boroughs that share a border, so that "near me" for someone in Hackney means
# Hackney, the boroughs around it and London-wide events, not all 33 boroughs.
BOROUGH_NEIGHBOURS = {
    "london-barking-dagenham": {"london-havering", "london-newham", "london-redbridge"},
    "london-barnet": {
        "london-brent",
        "london-camden",
        "london-enfield",
        "london-haringey",
        "london-harrow",
    },
    "london-bexley": {"london-bromley", "london-greenwich"},
    "london-brent": {
        "london-barnet",
        "london-camden",
        "london-ealing",
        "london-hammersmith-fulham",
        "london-harrow",
        "london-kensington-chelsea",
        "london-westminster",
    },
    "london-bromley": {"london-bexley", "london-croydon", "london-greenwich", "london-lewisham"},
    "london-camden": {
        "london-barnet",
        "london-brent",
        "london-city",
        "london-haringey",
        "london-islington",
        "london-westminster",
    },
    "london-city": {
        "london-camden",
        "london-hackney",
        "london-islington",
        "london-southwark",
        "london-tower-hamlets",
        "london-westminster",
    },
    "london-croydon": {"london-bromley", "london-lambeth", "london-merton", "london-sutton"},
    "london-ealing": {
        "london-brent",
        "london-hammersmith-fulham",
        "london-harrow",
        "london-hillingdon",
        "london-hounslow",
    },
    "london-enfield": {"london-barnet", "london-haringey", "london-waltham-forest"},
    "london-greenwich": {"london-bexley", "london-bromley", "london-lewisham", "london-newham"},
    "london-hackney": {
        "london-city",
        "london-haringey",
        "london-islington",
        "london-newham",
        "london-tower-hamlets",
        "london-waltham-forest",
    },
    "london-hammersmith-fulham": {
        "london-brent",
        "london-ealing",
        "london-hounslow",
        "london-kensington-chelsea",
        "london-richmond",
        "london-wandsworth",
    },
    "london-haringey": {
        "london-barnet",
        "london-camden",
        "london-enfield",
        "london-hackney",
        "london-islington",
        "london-waltham-forest",
    },
    "london-harrow": {"london-barnet", "london-brent", "london-ealing", "london-hillingdon"},
    "london-havering": {"london-barking-dagenham", "london-redbridge"},
    "london-hillingdon": {"london-ealing", "london-harrow", "london-hounslow"},
    "london-hounslow": {
        "london-ealing",
        "london-hammersmith-fulham",
        "london-hillingdon",
        "london-richmond",
    },
    "london-islington": {
        "london-camden",
        "london-city",
        "london-hackney",
        "london-haringey",
    },
    "london-kensington-chelsea": {
        "london-brent",
        "london-hammersmith-fulham",
        "london-wandsworth",
        "london-westminster",
    },
    "london-kingston": {"london-merton", "london-richmond", "london-sutton", "london-wandsworth"},
    "london-lambeth": {
        "london-croydon",
        "london-merton",
        "london-southwark",
        "london-wandsworth",
        "london-westminster",
    },
    "london-lewisham": {"london-bromley", "london-greenwich", "london-southwark"},
    "london-merton": {
        "london-croydon",
        "london-kingston",
        "london-lambeth",
        "london-sutton",
        "london-wandsworth",
    },
    "london-newham": {
        "london-barking-dagenham",
        "london-greenwich",
        "london-hackney",
        "london-redbridge",
        "london-tower-hamlets",
        "london-waltham-forest",
    },
    "london-redbridge": {
        "london-barking-dagenham",
        "london-havering",
        "london-newham",
        "london-waltham-forest",
    },
    "london-richmond": {
        "london-hammersmith-fulham",
        "london-hounslow",
        "london-kingston",
        "london-wandsworth",
    },
    "london-southwark": {
        "london-city",
        "london-lambeth",
        "london-lewisham",
        "london-tower-hamlets",
    },
    "london-sutton": {"london-croydon", "london-kingston", "london-merton"},
    "london-tower-hamlets": {
        "london-city",
        "london-hackney",
        "london-newham",
        "london-southwark",
    },
    "london-waltham-forest": {
        "london-enfield",
        "london-hackney",
        "london-haringey",
        "london-newham",
        "london-redbridge",
    },
    "london-wandsworth": {
        "london-hammersmith-fulham",
        "london-kensington-chelsea",
        "london-kingston",
        "london-lambeth",
        "london-merton",
        "london-richmond",
    },
    "london-westminster": {
        "london-brent",
        "london-camden",
        "london-city",
        "london-kensington-chelsea",
        "london-lambeth",
    },
}


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
