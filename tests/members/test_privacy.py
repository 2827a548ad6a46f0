"""Every field at every visibility level, in every response type: what a viewer may not
see is absent from the profile page, the directory, search results and JSON."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from members.models import ProgrammeClaim
from tests.factories import ProgrammePageFactory
from tests.members.factories import ProfileFactory

SECRETS = {
    "photo": "/photo/",  # photos are only ever served by members:photo
    "home_area": "Hackney",
    "programmes": "Secret Programme Title",
    "links": "https://secret-link.example.org/",
}
LEVEL_RANK = {"staff": 0, "members": 1, "public": 2}
VIEWER_AUDIENCE = {"anonymous": "public", "approved": "members", "staff": "staff"}


@pytest.fixture
def subject(programme_index):
    programme = ProgrammePageFactory(parent=programme_index, title=SECRETS["programmes"])
    profile = ProfileFactory(
        display_name="Subject Person",
        home_area="london-hackney",
        links=SECRETS["links"],
        bio="Loves allotments",
    )
    profile.photo.save("x.jpg", ContentFile(b"jpeg"), save=True)
    ProgrammeClaim.objects.create(profile=profile, programme=programme, confirmed=True)
    return profile


def responses_for(client, profile):
    """The profile page, its JSON, the directory and a search that finds it."""
    yield "page", client.get(reverse("members:profile", args=[profile.public_id]))
    yield "json", client.get(reverse("members:profile_json", args=[profile.public_id]))
    yield "directory", client.get("/members/")
    yield "search", client.get("/members/", {"q": "allotments"})


def visible(profile_level, field_level, audience):
    if audience == "staff":
        return True
    return (
        LEVEL_RANK[profile_level] >= LEVEL_RANK[audience]
        and LEVEL_RANK[field_level] >= LEVEL_RANK[audience]
    )


@pytest.mark.parametrize("viewer_kind", ["anonymous", "approved", "staff"])
@pytest.mark.parametrize("profile_level", ["staff", "members", "public"])
@pytest.mark.parametrize("field", list(SECRETS))
@pytest.mark.parametrize("field_level", ["staff", "members", "public"])
def test_each_sensitive_field_reaches_exactly_who_may_see_it(
    client, subject, viewers, viewer_kind, profile_level, field, field_level
):
    subject.visibility = profile_level
    setattr(subject, f"{field}_visibility", field_level)
    subject.save()
    if viewers[viewer_kind]:
        client.force_login(viewers[viewer_kind])
    expected = visible(profile_level, field_level, VIEWER_AUDIENCE[viewer_kind])
    for kind, response in responses_for(client, subject):
        if kind in ("directory", "search") and viewer_kind == "anonymous":
            assert response.status_code == 302
            continue
        body = response.content.decode()
        if kind in ("directory", "search"):
            # Cards show a summary: the photo and home area, never links or programmes.
            # The filter form above the results lists every area and programme.
            results = body.split('id="results-heading"', 1)[1]
            if expected and field in ("photo", "home_area"):
                assert SECRETS[field] in results, kind
            else:
                assert SECRETS[field] not in results, kind
            continue
        assert (SECRETS[field] in body) is expected, kind
    if field == "photo":
        photo = client.get(reverse("members:photo", args=[subject.public_id]))
        assert photo.status_code == (200 if expected else 404)
        if expected:
            assert photo["Cache-Control"] == "private, no-store"


def test_member_photos_are_stored_where_no_web_server_serves_them(subject):
    from pathlib import Path

    from django.core.files.storage import storages

    from network_site.settings import base

    assert storages["member_photos"].exists(subject.photo.name)
    location = Path(base.STORAGES["member_photos"]["OPTIONS"]["location"])
    assert not location.is_relative_to(base.MEDIA_ROOT)
    assert not location.is_relative_to(base.STATIC_ROOT)


@pytest.mark.parametrize("profile_level", ["staff", "members", "public"])
@pytest.mark.parametrize("viewer_kind", ["anonymous", "pending", "approved", "staff"])
def test_the_whole_profile_reaches_exactly_who_may_see_it(
    client, subject, viewers, viewer_kind, profile_level
):
    subject.visibility = profile_level
    subject.save()
    if viewers[viewer_kind]:
        client.force_login(viewers[viewer_kind])
    audience = {"anonymous": "public", "pending": None, "approved": "members", "staff": "staff"}[
        viewer_kind
    ]
    for kind, response in responses_for(client, subject):
        body = response.content.decode()
        if audience is None:
            assert response.status_code == 403
            assert "Subject Person" not in body
            continue
        if kind in ("directory", "search") and audience == "public":
            continue
        shown = audience == "staff" or LEVEL_RANK[profile_level] >= LEVEL_RANK[audience]
        assert ("Subject Person" in body) is shown, kind
        if kind in ("page", "json") and not shown:
            assert response.status_code == 404


def test_a_hidden_area_never_matches_the_area_filter(client, subject, approved_member):
    subject.home_area_visibility = "staff"
    subject.save()
    client.force_login(approved_member)
    assert "Subject Person" not in client.get("/members/", {"area": "london-hackney"}).text
    assert "Subject Person" not in client.get("/members/", {"area": "london"}).text
    subject.home_area_visibility = "members"
    subject.save()
    assert "Subject Person" in client.get("/members/", {"area": "london"}).text


def test_hidden_programmes_never_match_the_programme_filter(client, subject, approved_member):
    programme = subject.claims.get().programme
    subject.programmes_visibility = "staff"
    subject.save()
    client.force_login(approved_member)
    assert "Subject Person" not in client.get("/members/", {"programme": programme.pk}).text


def test_unconfirmed_programme_claims_are_not_shown_to_others(client, subject, approved_member):
    subject.claims.update(confirmed=False)
    client.force_login(approved_member)
    response = client.get(reverse("members:profile", args=[subject.public_id]))
    assert SECRETS["programmes"] not in response.text


def test_members_pages_are_not_indexed_or_cached(client, subject, approved_member):
    client.force_login(approved_member)
    for url in ["/members/", reverse("members:profile", args=[subject.public_id])]:
        response = client.get(url)
        assert response["X-Robots-Tag"].startswith("noindex")
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert '<meta name="robots" content="noindex' in response.text


def test_legal_name_and_email_never_appear_to_other_members(client, subject, approved_member):
    client.force_login(approved_member)
    for _kind, response in responses_for(client, subject):
        body = response.content.decode()
        assert subject.user.email not in body
        assert subject.user.first_name not in body
