"""With STAFF_REQUIRE_MFA, staff sight of members needs a second factor completed in this
session (issue 15 §3): a moderator who signed in with a password only sees the member area
as an ordinary member does, and the admin asks for a code first.

Each affected page is tried by three people: staff who signed in with a password and an
authenticator app code, staff who signed in with a password only, and an ordinary member.
"""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from members.models import EventAudience, EventState, Visibility
from members.services.events import rsvp
from tests.members.factories import PASSWORD, EventFactory, ProfileFactory, StaffFactory

HIDDEN_NAME = "Hidden Person"


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def sign_in(client, user, *, totp_secret: str | None = None):
    """Sign in through allauth's own pages, as the person would, with their app's code
    when they have turned on an authenticator app."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    if totp_secret is not None:
        assert response["Location"] == reverse("mfa_authenticate")
        response = client.post(reverse("mfa_authenticate"), {"code": current_code(totp_secret)})
        assert response.status_code == 302, response.content
        assert response["Location"] != reverse("mfa_authenticate")


@pytest.fixture
def require_mfa(settings):
    settings.STAFF_REQUIRE_MFA = True


@pytest.fixture
def signed_in(client, home_page, require_mfa):
    """Sign `client` in as one of the three viewers of the matrix."""

    def as_viewer(kind: str):
        if kind == "member":
            sign_in(client, ProfileFactory(display_name="Ordinary Member").user)
            return
        staff = StaffFactory()
        ProfileFactory(user=staff, display_name="Staff Person")
        if kind == "staff_with_totp":
            secret = generate_totp_secret()
            Authenticator.objects.create(
                user=staff, type=Authenticator.Type.TOTP, data={"secret": secret}
            )
            sign_in(client, staff, totp_secret=secret)
        else:
            sign_in(client, staff)

    return as_viewer


@pytest.fixture
def hidden_profile(home_page):
    return ProfileFactory(
        display_name=HIDDEN_NAME,
        visibility=Visibility.STAFF,
        home_area="london-hackney",
        home_area_visibility=Visibility.STAFF,
    )


VIEWERS = ["staff_with_totp", "staff_without_totp", "member"]


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("page", ["profile", "profile_json"])
def test_hidden_profiles_need_staff_with_a_second_factor(
    client, signed_in, hidden_profile, viewer, page
):
    signed_in(viewer)
    response = client.get(reverse(f"members:{page}", args=[hidden_profile.public_id]))
    if viewer == "staff_with_totp":
        assert response.status_code == 200
        assert HIDDEN_NAME in response.text
    else:
        assert response.status_code == 404
        assert HIDDEN_NAME not in response.text


@pytest.mark.parametrize("viewer", VIEWERS)
def test_directory_filters_on_hidden_areas_need_staff_with_a_second_factor(
    client, signed_in, home_page, viewer
):
    ProfileFactory(
        display_name=HIDDEN_NAME, home_area="london-hackney", home_area_visibility="staff"
    )
    signed_in(viewer)
    response = client.get(reverse("members:directory"), {"area": "london-hackney"})
    assert response.status_code == 200
    assert (HIDDEN_NAME in response.text) is (viewer == "staff_with_totp")


@pytest.mark.parametrize("viewer", VIEWERS)
def test_hidden_profiles_are_in_the_directory_only_for_staff_with_a_second_factor(
    client, signed_in, hidden_profile, viewer
):
    signed_in(viewer)
    response = client.get(reverse("members:directory"))
    assert response.status_code == 200
    assert (HIDDEN_NAME in response.text) is (viewer == "staff_with_totp")


@pytest.fixture
def attended_event(home_page):
    organiser = ProfileFactory(display_name="Organiser").user
    event = EventFactory(organiser=organiser, audience=EventAudience.MEMBERS)
    attendee = ProfileFactory(display_name="Attendee").user
    rsvp.reserve_place(event, attendee)
    return event, attendee


@pytest.mark.parametrize("viewer", VIEWERS)
def test_attendee_emails_need_staff_with_a_second_factor(client, signed_in, attended_event, viewer):
    event, attendee = attended_event
    signed_in(viewer)
    url = reverse("members:attendees", args=[event.public_id])
    page = client.get(url)
    download = client.get(url, {"format": "csv"})
    if viewer == "staff_with_totp":
        assert page.status_code == 200
        assert attendee.email in page.text
        assert attendee.email in download.content.decode()
    else:
        assert page.status_code == 404
        assert download.status_code == 404
        assert attendee.email not in page.text + download.content.decode()


@pytest.mark.parametrize("viewer", VIEWERS)
def test_unpublished_events_need_staff_with_a_second_factor(client, signed_in, home_page, viewer):
    proposed = EventFactory(
        title="A proposal under review",
        organiser=ProfileFactory().user,
        state=EventState.PROPOSED,
    )
    signed_in(viewer)
    response = client.get(reverse("events:detail", args=[proposed.public_id]))
    assert response.status_code == (200 if viewer == "staff_with_totp" else 404)


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("url", ["/admin/", "/admin/members/pending/"])
def test_the_admin_needs_staff_with_a_second_factor(client, signed_in, viewer, url):
    signed_in(viewer)
    response = client.get(url)
    if viewer == "staff_with_totp":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert not response["Location"].startswith("/admin/members")


def test_staff_with_an_app_but_a_password_only_session_are_asked_for_a_code(
    client, home_page, require_mfa
):
    staff = StaffFactory()
    secret = generate_totp_secret()
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": secret})
    client.force_login(staff)  # a session that skipped the second step
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    response = client.post(response["Location"], {"code": current_code(secret)}, follow=False)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_without_the_setting_staff_keep_their_sight_after_a_password(
    client, home_page, hidden_profile, settings
):
    settings.STAFF_REQUIRE_MFA = False
    staff = StaffFactory()
    sign_in(client, staff)
    response = client.get(reverse("members:profile", args=[hidden_profile.public_id]))
    assert response.status_code == 200
