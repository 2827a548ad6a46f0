"""Equality monitoring, private by design.

Funders of UK programmes ask who took part: age band, gender, ethnic group (the ONS
2021 England and Wales groups), disability (the Equality Act 2010 definition) and
country of birth. After applying, a person may answer these questions, separately
consented; every question has "prefer not to say" and may be left blank.

A `MonitoringResponse` belongs to the programme only: no application, no account, no
time of submission and a random id, so nobody can follow it, or its order, back to a
person. Only counts are shown, with small numbers suppressed
(`programmes.services.suppression`), and responses are deleted with the programme's
applications (`purge_applications`, `APPLICATION_RETENTION_MONTHS`).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT = "prefer-not"
PREFER_NOT_LABEL = _("Prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_18 = "under-18", _("Under 18")
    FROM_18 = "18-24", _("18 to 24")
    FROM_25 = "25-34", _("25 to 34")
    FROM_35 = "35-44", _("35 to 44")
    FROM_45 = "45-54", _("45 to 54")
    FROM_55 = "55-64", _("55 to 64")
    FROM_65 = "65-plus", _("65 or over")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non-binary", _("Non-binary")
    ANOTHER = "another", _("I describe myself in another way")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


# The ONS 2021 Census ethnic groups for England and Wales: five high-level groups and
# nineteen detailed ones. Reports count the high-level groups, so numbers stay large
# enough to show.
ETHNIC_GROUPS = [
    (
        "asian",
        _("Asian, Asian British or Asian Welsh"),
        [
            ("asian-bangladeshi", _("Bangladeshi")),
            ("asian-chinese", _("Chinese")),
            ("asian-indian", _("Indian")),
            ("asian-pakistani", _("Pakistani")),
            ("asian-other", _("Any other Asian background")),
        ],
    ),
    (
        "black",
        _("Black, Black British, Black Welsh, Caribbean or African"),
        [
            ("black-african", _("African")),
            ("black-caribbean", _("Caribbean")),
            ("black-other", _("Any other Black, Black British or Caribbean background")),
        ],
    ),
    (
        "mixed",
        _("Mixed or Multiple ethnic groups"),
        [
            ("mixed-white-asian", _("White and Asian")),
            ("mixed-white-black-african", _("White and Black African")),
            ("mixed-white-black-caribbean", _("White and Black Caribbean")),
            ("mixed-other", _("Any other Mixed or Multiple ethnic background")),
        ],
    ),
    (
        "white",
        _("White"),
        [
            ("white-british", _("English, Welsh, Scottish, Northern Irish or British")),
            ("white-irish", _("Irish")),
            ("white-gypsy-traveller", _("Gypsy or Irish Traveller")),
            ("white-roma", _("Roma")),
            ("white-other", _("Any other White background")),
        ],
    ),
    (
        "other",
        _("Other ethnic group"),
        [
            ("other-arab", _("Arab")),
            ("other-any", _("Any other ethnic group")),
        ],
    ),
]
ETHNIC_GROUP_CHOICES = [(label, options) for _key, label, options in ETHNIC_GROUPS] + [
    (PREFER_NOT, PREFER_NOT_LABEL)
]
ETHNIC_HIGH_LEVEL = {
    value: key for key, _label, options in ETHNIC_GROUPS for value, _text in options
}


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class BirthRegion(models.TextChoices):
    """Country of birth, in the world regions the ONS uses, so that no answer names a
    country only one participant comes from."""

    UK = "uk", _("United Kingdom")
    IRELAND = "ireland", _("Ireland")
    EU = "eu", _("Another European Union country")
    EUROPE_OTHER = "europe-other", _("Another country in Europe")
    AFRICA_NORTH = "africa-north", _("North Africa")
    AFRICA_WEST_CENTRAL = "africa-west-central", _("Central or Western Africa")
    AFRICA_SOUTH_EAST = "africa-south-east", _("Southern or Eastern Africa")
    MIDDLE_EAST = "middle-east", _("The Middle East")
    ASIA_EAST = "asia-east", _("Eastern Asia, including Hong Kong and China")
    ASIA_SOUTH = "asia-south", _("Southern Asia")
    ASIA_SOUTH_EAST = "asia-south-east", _("South-East Asia")
    ASIA_CENTRAL = "asia-central", _("Central Asia")
    AMERICAS = "americas", _("The Americas and the Caribbean")
    OCEANIA = "oceania", _("Oceania")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


def _all_ethnic_values():
    return [(value, label) for _k, _l, options in ETHNIC_GROUPS for value, label in options] + [
        (PREFER_NOT, PREFER_NOT_LABEL)
    ]


class MonitoringResponse(models.Model):
    """One person's monitoring answers for one programme; blank means not answered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    programme = models.ForeignKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="monitoring_responses"
    )
    age_band = models.CharField(max_length=12, choices=AgeBand.choices, blank=True)
    gender = models.CharField(max_length=12, choices=Gender.choices, blank=True)
    ethnic_group = models.CharField(max_length=30, choices=_all_ethnic_values(), blank=True)
    disability = models.CharField(max_length=12, choices=Disability.choices, blank=True)
    birth_region = models.CharField(max_length=20, choices=BirthRegion.choices, blank=True)

    class Meta:
        verbose_name = _("equality monitoring answer")
        verbose_name_plural = _("equality monitoring answers")

    def __str__(self):
        return str(self.id)
