"""The "near me" filter: the member's own area (for a London borough, the boroughs around it and
London-wide events too) and online events, and nothing else, for members in different parts of
the UK. A region's bordering regions are not near: Manchester is not near Cardiff."""

import pytest
from django.urls import reverse

from home.areas import (
    BOROUGH_NEIGHBOURS,
    LONDON_BOROUGHS,
    NATIONS_AND_REGIONS,
    REGION_NEIGHBOURS,
    areas_near,
    local_areas,
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
        # The member in North West England: not Cardiff, Glasgow, Newcastle or
        # Birmingham, although their regions border the North West.
        ("england-north-west", {"Manchester campaign surgery"}),
        ("wales", {"Cardiff storytelling workshop"}),
        ("scotland", {"Glasgow welcome meeting"}),
        ("northern-ireland", {"Belfast volunteers supper"}),
        ("london-islington", {"Hackney council practice"}),
        ("london-richmond", set()),
    ],
)
def test_near_me_lists_my_area_and_online_events_only(
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


def test_a_region_is_near_itself_only_and_london_takes_in_its_boroughs():
    assert local_areas("england-north-west") == {"england-north-west"}
    assert "wales" in areas_near("england-north-west")  # bordering, for mentoring
    assert local_areas("london-hackney") == areas_near("london-hackney")
    assert {slug for slug, _label in LONDON_BOROUGHS} <= local_areas("london")
    assert local_areas("") == set()
