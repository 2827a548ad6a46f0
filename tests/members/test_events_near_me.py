"""The "near me" filter: the member's own area, the areas that border it and online events, and
nothing else, for members in different parts of the UK."""

import pytest
from django.urls import reverse

from home.areas import (
    BOROUGH_NEIGHBOURS,
    LONDON_BOROUGHS,
    NATIONS_AND_REGIONS,
    REGION_NEIGHBOURS,
    areas_near,
)
from members.models import EventFormat
from tests.members.factories import EventFactory, ProfileFactory

EVENTS_BY_AREA = {
    "Manchester campaign surgery": "england-north-west",
    "Cardiff storytelling workshop": "wales",
    "Glasgow welcome meeting": "scotland",
    "Newcastle community breakfast": "england-north-east",
    "Birmingham media training": "england-west-midlands",
    "Leeds alumni social": "england-yorkshire",
    "Nottingham housing forum": "england-east-midlands",
    "Bristol tenants evening": "england-south-west",
    "Brighton seafront litter pick": "england-south-east",
    "Norwich library talk": "england-east",
    "Hackney council practice": "london-hackney",
    "Belfast volunteers supper": "northern-ireland",
}
ONLINE = "Online: writing to your MP"


@pytest.fixture
def events_across_the_uk(home_page):
    for title, area in EVENTS_BY_AREA.items():
        EventFactory(title=title, area=area)
    EventFactory(title=ONLINE, format=EventFormat.ONLINE, area="", venue="")


@pytest.mark.parametrize(
    ("home_area", "listed"),
    [
        (
            "england-north-west",
            {
                "Manchester campaign surgery",
                "Cardiff storytelling workshop",
                "Glasgow welcome meeting",
                "Newcastle community breakfast",
                "Birmingham media training",
                "Leeds alumni social",
                "Nottingham housing forum",
            },
        ),
        (
            "wales",
            {
                "Cardiff storytelling workshop",
                "Manchester campaign surgery",
                "Birmingham media training",
                "Bristol tenants evening",
            },
        ),
        (
            "scotland",
            {
                "Glasgow welcome meeting",
                "Newcastle community breakfast",
                "Manchester campaign surgery",
            },
        ),
        ("northern-ireland", {"Belfast volunteers supper"}),
    ],
)
def test_near_me_lists_my_area_the_areas_bordering_it_and_online_events_only(
    client, events_across_the_uk, home_area, listed
):
    client.force_login(ProfileFactory(home_area=home_area).user)
    text = client.get(reverse("events:list"), {"near_me": "on"}).text
    assert ONLINE in text
    for title in listed:
        assert title in text, f"{title} should be near {home_area}"
    for title in set(EVENTS_BY_AREA) - listed:
        assert title not in text, f"{title} is not near {home_area}"


def test_without_near_me_every_public_event_is_listed(client, events_across_the_uk):
    client.force_login(ProfileFactory(home_area="scotland").user)
    text = client.get(reverse("events:list")).text
    for title in EVENTS_BY_AREA:
        assert title in text


@pytest.mark.parametrize("neighbours", [REGION_NEIGHBOURS, BOROUGH_NEIGHBOURS])
def test_every_border_runs_both_ways(neighbours):
    for area, near in neighbours.items():
        assert area not in near
        for other in near:
            assert area in neighbours[other], f"{other} borders {area} but not back"


def test_every_area_of_the_site_has_its_neighbours_written_down():
    assert set(REGION_NEIGHBOURS) == {slug for slug, _label in NATIONS_AND_REGIONS}
    assert set(BOROUGH_NEIGHBOURS) == {slug for slug, _label in LONDON_BOROUGHS}
    # Every region but Northern Ireland (no land border with Great Britain) has one.
    assert {area for area, near in REGION_NEIGHBOURS.items() if not near} == {"northern-ireland"}
    assert all(BOROUGH_NEIGHBOURS.values())


def test_a_borough_is_near_its_neighbouring_boroughs_and_london_wide_events():
    assert areas_near("london-hackney") == {
        "london-hackney",
        "london",
        "london-city",
        "london-haringey",
        "london-islington",
        "london-newham",
        "london-tower-hamlets",
        "london-waltham-forest",
    }
