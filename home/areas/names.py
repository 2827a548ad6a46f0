"""The areas and their translatable names: UK nations and English regions, and London
boroughs, as the choices every form and model offers."""

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
