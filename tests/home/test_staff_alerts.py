"""Staff who may decide hear that something waits for them: a new member to approve, a
proposed event, a report, a new application. Each email is in the reader's own language
and names no one; staff without the permission hear nothing; a member of staff may
choose one summary a day instead, on their admin account."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.email_design import render_email
from home.models import AlertDelivery, PendingStaffAlert, StaffAlertPreference
from home.staff_alerts import SUMMARY_TEMPLATE, alert_template, summary_sections
from programmes.models import ProgrammeAccess
from tests.factories import ProgrammePageFactory
from tests.home.email_checks import ARABIC, problems
from tests.members.factories import EventFactory, ProfileFactory, StaffFactory, UserFactory
from tests.members.test_signup_flow import SIGNUP, verify_from_outbox
from tests.programmes.conftest import answers_for, open_programme  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("deliver_emails")

PROPOSAL = {
    "title": "Tenants' rights evening",
    "description": "Know your rights as a renter.",
    "starts_at": "2030-03-01T18:00",
    "ends_at": "2030-03-01T20:00",
    "format": "in-person",
    "venue": "Elm Street Library, 5 Example Road",
    "area": "london-lambeth",
    "capacity": "30",
    "audience": "public",
}


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def moderators(home_page):
    """Member staff reading English and Arabic, and a member of staff whose role does
    not include members (admin access only)."""
    return {
        "en": StaffFactory(email="moderator.en@example.org"),
        "ar": admin_language(StaffFactory(email="moderator.ar@example.org"), "ar"),
        "other": admin_language(
            _admin_only(UserFactory(email="editor@example.org", is_staff=True)), "en"
        ),
    }


def _admin_only(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message):
    return dict((mimetype, content) for content, mimetype in message.alternatives)["text/html"]


def assert_told(moderators, english_subject, admin_path, *, absent=()):
    """English staff got `english_subject`, Arabic staff the same in Arabic, right to left,
    both with the admin link; staff without the permission nothing; no one named."""
    (english,) = to("moderator.en@example.org")
    (arabic,) = to("moderator.ar@example.org")
    assert to("editor@example.org") == []
    assert english.subject == english_subject
    assert f"http://testserver{admin_path}" in english.body
    assert ARABIC.search(arabic.subject), arabic.subject
    assert f"http://testserver{admin_path}" in arabic.body
    assert '<html lang="ar" dir="rtl">' in html_of(arabic)
    assert arabic.extra_headers["Content-Language"] == "ar"
    for message in (english, arabic):
        for word in absent:
            assert word not in message.body and word not in html_of(message)


def test_a_new_member_waiting_for_approval_is_announced_to_member_staff(
    client, moderators, settings
):
    settings.MEMBERSHIP_APPROVAL = True
    client.post(reverse("account_signup"), SIGNUP)
    assert to("moderator.en@example.org") == []  # not before the address is confirmed
    verify_from_outbox(client)
    assert_told(
        moderators,
        "A new member is waiting for approval",
        "/admin/members/pending/",
        absent=["Newcomer", "newcomer@example.org"],
    )


def test_no_one_is_told_of_a_member_approved_at_once(client, moderators, settings):
    settings.MEMBERSHIP_APPROVAL = False
    client.post(reverse("account_signup"), SIGNUP)
    verify_from_outbox(client)
    assert to("moderator.en@example.org") == []


def test_a_proposed_event_is_announced_with_its_title(client, moderators):
    member = ProfileFactory(display_name="Organiser Person").user
    client.force_login(member)
    assert client.post(reverse("members:propose_event"), PROPOSAL).status_code == 302
    assert_told(
        moderators,
        "A member has proposed an event",
        "/admin/members/events/proposed/",
        absent=["Organiser Person", member.email],
    )
    (arabic,) = to("moderator.ar@example.org")
    title = r'<strong lang="en" dir="ltr">Tenants&#x27; rights evening</strong>'
    assert re.search(title, html_of(arabic))


def test_a_published_event_its_organiser_changes_goes_back_to_staff(client, moderators):
    member = ProfileFactory().user
    event = EventFactory(organiser=member, title="Street party")
    client.force_login(member)
    data = {**PROPOSAL, "title": "Street party", "starts_at": "2030-04-01T18:00"}
    data["ends_at"] = "2030-04-01T20:00"
    client.post(reverse("members:edit_event", args=[event.public_id]), data)
    event.refresh_from_db()
    assert event.state == "proposed"
    (english,) = to("moderator.en@example.org")
    assert english.subject == "A changed event is waiting for review"
    assert "Street party" in english.body


def test_a_report_is_announced_without_saying_who_or_why(client, moderators):
    reporter = ProfileFactory(display_name="Careful Reporter").user
    reported = ProfileFactory(display_name="Reported Person")
    client.force_login(reporter)
    client.post(
        reverse("members:report", args=[reported.public_id]), {"reason": "Asks people for money"}
    )
    assert_told(
        moderators,
        "A member has sent a report",
        "/admin/members/reports/",
        absent=["Careful Reporter", "Reported Person", "Asks people for money"],
    )


def reviewer(email, programme=None, *, language="en", **fields):
    user = _admin_only(UserFactory(email=email, is_staff=True, **fields))
    if programme is not None:
        ProgrammeAccess.objects.create(programme=programme, user=user)
    return admin_language(user, language)


def test_a_new_application_reaches_only_staff_with_access_to_its_programme(
    client,
    open_programme,  # noqa: F811 (the fixture imported above)
    programme_index,
):
    elsewhere = ProgrammePageFactory(parent=programme_index, slug="elsewhere")
    reviewer("moderator.en@example.org", open_programme)
    reviewer("moderator.ar@example.org", open_programme, language="ar")
    reviewer("editor@example.org", elsewhere)  # access to another programme only
    reviewer("chief@example.org", is_superuser=True)
    member_staff = StaffFactory(email="members.only@example.org")  # no access to applications

    client.post(f"{open_programme.url}apply/", answers_for(open_programme))

    from programmes.models import Application

    application = Application.objects.get()
    path = f"/admin/programmes/applications/{application.pk}/"
    assert_told({}, "A new application has arrived", path, absent=["Amira", "amira@example.org"])
    assert len(to("chief@example.org")) == 1  # superusers see every programme
    assert to(member_staff.email) == []
    assert open_programme.title in to("moderator.en@example.org")[0].body


def test_a_daily_summary_instead_keeps_alerts_and_sends_them_once(client, moderators, committed):
    StaffAlertPreference.objects.create(user=moderators["ar"], delivery=AlertDelivery.DAILY)
    reporter = ProfileFactory().user
    client.force_login(reporter)
    client.post(reverse("members:propose_event"), PROPOSAL)
    client.post(reverse("members:report", args=[ProfileFactory().public_id]), {"reason": "Spam"})
    assert len(to("moderator.en@example.org")) == 2  # one email each, as by default
    assert to("moderator.ar@example.org") == []
    assert PendingStaffAlert.objects.filter(user=moderators["ar"]).count() == 2

    committed(call_command, "send_staff_summary", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (summary,) = to("moderator.ar@example.org")
    assert ARABIC.search(summary.subject)
    assert '<html lang="ar" dir="rtl">' in html_of(summary)
    assert "Tenants' rights evening" in summary.body
    assert "http://testserver/admin/members/events/proposed/" in summary.body
    assert "http://testserver/admin/members/reports/" in summary.body
    assert PendingStaffAlert.objects.count() == 0
    assert StaffAlertPreference.objects.get(user=moderators["ar"]).last_summary_at

    committed(call_command, "send_staff_summary", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(to("moderator.ar@example.org")) == 1  # nothing new: nothing sent


def account_form(client):
    """The admin account page's fields with their values, as a browser would send them."""
    from bs4 import BeautifulSoup

    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    form = soup.find("input", attrs={"name": "staff_alerts-delivery"}).find_parent("form")
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") != "file":
            data[name] = field.get("value", "") if field.name == "input" else field.text
    return page, data


def test_the_daily_summary_is_chosen_on_the_admin_account_page(client, moderators):
    client.force_login(moderators["en"])
    page, data = account_form(client)
    assert "Staff alerts" in page.text
    assert data["staff_alerts-delivery"] == AlertDelivery.EACH
    data["staff_alerts-delivery"] = AlertDelivery.DAILY
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302
    assert StaffAlertPreference.objects.get(user=moderators["en"]).delivery == "daily"
    _page, data = account_form(client)
    assert data["staff_alerts-delivery"] == AlertDelivery.DAILY


def test_a_made_up_choice_is_refused_on_its_field_and_nothing_changes(client, moderators):
    client.force_login(moderators["en"])
    _page, data = account_form(client)
    data["staff_alerts-delivery"] = "hourly"
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not StaffAlertPreference.objects.filter(user=moderators["en"]).exists()


SAMPLES = {
    "members.pending_member": {"admin_path": "/admin/members/pending/"},
    "members.event_proposed": {
        "admin_path": "/admin/members/events/proposed/",
        "title": "Street party",
        "language": "en",
        "changed": False,
    },
    "members.member_reported": {"admin_path": "/admin/members/reports/"},
    "programmes.new_application": {
        "admin_path": "/admin/programmes/applications/1/",
        "list_path": "/admin/programmes/3/applications/",
        "programme": "Speak Up, Lead Locally",
        "language": "en",
    },
}
TEMPLATES = {alert_template(kind): context for kind, context in SAMPLES.items()}


def summary_context():
    alerts = [PendingStaffAlert(kind=kind, context=context) for kind, context in SAMPLES.items()]
    return {"sections": summary_sections(alerts * 2), "count": len(alerts) * 2}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("template", [*sorted(TEMPLATES), SUMMARY_TEMPLATE])
def test_every_staff_alert_is_valid_in_the_design_and_the_readers_language(
    home_page, template, language, w3c
):
    context = TEMPLATES.get(template) or summary_context()
    email = render_email(template, context, language)
    assert problems(email.html, email.text, language, validate=w3c) == []
    if language == "ar":
        assert ARABIC.search(email.subject), email.subject
    else:
        assert not ARABIC.search(email.html)


def test_the_choice_and_what_waits_are_in_the_staff_members_data_download(client, moderators):
    from members.services.member_data import export_member_data

    moderator = moderators["en"]
    assert "staff_alerts" not in export_member_data(moderator)  # nothing held, nothing shown
    StaffAlertPreference.objects.create(user=moderator, delivery=AlertDelivery.DAILY)
    client.force_login(ProfileFactory().user)
    client.post(reverse("members:propose_event"), PROPOSAL)
    data = export_member_data(moderator)["staff_alerts"]
    assert data["delivery"] == "daily" and data["last_summary_at"] is None
    assert [item["title"] for item in data["waiting"]] == ["Tenants' rights evening"]


def test_an_admin_language_the_site_does_not_write_falls_back_to_the_members_own(home_page):
    from home.staff_alerts import staff_language

    moderator = StaffFactory()
    ProfileFactory(user=moderator, preferred_language="uk")
    admin_language(moderator, "de")
    assert staff_language(type(moderator).objects.get(pk=moderator.pk)) == "uk"
    admin_language(moderator, "ar")
    assert staff_language(type(moderator).objects.get(pk=moderator.pk)) == "ar"
