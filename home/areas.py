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
# finer borough-to-borough neighbours come with local events.
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
