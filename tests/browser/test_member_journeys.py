"""Journeys of people who join the network and use the member area, in a real browser."""

import re

import pytest
from django.core import mail
from PIL import Image

from tests.browser.conftest import DESKTOP, open_page
from tests.browser.steps import open_admin, sign_in

expect = pytest.importorskip("playwright.sync_api").expect

# Real commits here; the emails they queue are sent at once (tests/conftest.py).
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("immediate_tasks"),
]

NEWCOMER_EMAIL = "nadia.newcomer@example.org"
NEWCOMER_NAME = "Nadia N."
NEWCOMER_PASSWORD = "a-long-newcomer-passphrase"  # noqa: S105


def small_jpeg(path):
    Image.new("RGB", (64, 64), (200, 80, 40)).save(path, format="JPEG")
    return path


def test_newcomer_signs_up_is_approved_and_fills_in_a_members_only_profile(
    browser, demo_site, desktop, foreign_requests, tmp_path
):
    # Signing up.
    desktop.goto(demo_site.url + "/accounts/login/")
    desktop.get_by_role("link", name="Create an account", exact=True).click()
    desktop.get_by_role("textbox", name="Email").fill(NEWCOMER_EMAIL)
    desktop.get_by_role("textbox", name="Display name").fill(NEWCOMER_NAME)
    desktop.get_by_role("checkbox", name="I have read the privacy notice and agree to it.").check()
    desktop.get_by_role("textbox", name="Password:", exact=True).fill(NEWCOMER_PASSWORD)
    desktop.get_by_role("textbox", name="Password again").fill(NEWCOMER_PASSWORD)
    desktop.get_by_role("button", name="Sign Up").click()
    desktop.wait_for_url(re.compile(r"/accounts/confirm-email/$"))

    # The verification email, and its link followed in the same browser.
    [verification] = [message for message in mail.outbox if NEWCOMER_EMAIL in message.to]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", verification.body).group(0)
    assert link.startswith(demo_site.url)
    desktop.goto(link)
    desktop.get_by_role("button", name="Confirm").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(f"Welcome, {NEWCOMER_NAME}")
    expect(desktop.get_by_role("region", name="Membership")).to_contain_text(
        "Your membership is waiting for approval by staff."
    )
    desktop.goto(demo_site.url + "/members/")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("For approved members")

    # Staff approve the membership in the Wagtail admin, in another browser.
    staff, staff_elsewhere = open_admin(browser, demo_site, "admin@example.org")
    menu = staff.get_by_role("navigation", name="Main menu")
    menu.get_by_role("button", name="Members").click()
    menu.get_by_role("list", name="Members").get_by_role("link", name="Pending members").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Pending members")
    newcomer_row = staff.get_by_role("row").filter(has_text=NEWCOMER_EMAIL)
    expect(newcomer_row).to_contain_text(NEWCOMER_NAME)
    # What a decision needs: the sign-up answers, with the privacy notice they accepted.
    expect(newcomer_row).to_contain_text(re.compile(r"Privacy notice\s*Accepted version \S+"))
    newcomer_row.get_by_role("button", name="Approve").click()
    expect(staff.get_by_text("Membership approved; the member has been emailed.")).to_be_visible()
    expect(staff.get_by_role("row").filter(has_text=NEWCOMER_EMAIL)).to_have_count(0)
    assert staff_elsewhere == []
    staff.context.close()
    [approval] = [m for m in mail.outbox if NEWCOMER_EMAIL in m.to and m is not verification]
    assert "your membership is approved" in approval.subject
    assert f"{demo_site.url}/members/" in approval.body

    # Back in their own browser, the new member fills in their profile.
    desktop.goto(demo_site.url + "/members/me/")
    expect(desktop.get_by_role("region", name="Membership")).to_contain_text(
        "Your membership is approved."
    )
    desktop.get_by_role("link", name="Edit my profile and who can see it").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Edit my profile")
    desktop.get_by_role("textbox", name="Headline").fill("Tenant organiser in Luton")
    desktop.get_by_role("textbox", name="About me").fill("I help neighbours talk to the council.")
    desktop.get_by_role("combobox", name="Home area").select_option(label="East of England")
    skills = desktop.get_by_role("group", name="Skills")
    skills.get_by_role("checkbox", name="Public speaking").check()
    skills.get_by_role("checkbox", name="Negotiation").check()
    desktop.get_by_label("New photo").set_input_files(small_jpeg(tmp_path / "me.jpg"))
    for part in ("profile", "photo", "home area"):
        desktop.get_by_role("group", name=f"Who can see my {part}").get_by_role(
            "radio", name="Approved members"
        ).check()
    desktop.get_by_role("button", name="Save my profile").click()
    expect(desktop.get_by_role("status")).to_contain_text("Your profile is saved.")
    expect(desktop.get_by_role("img", name="Your current photo")).to_be_visible()

    # What the member sees on their own profile page.
    desktop.goto(demo_site.url + "/members/me/")
    desktop.get_by_role("link", name="See my profile").click()
    profile_url = desktop.url
    profile = desktop.get_by_role("article")
    expect(profile.get_by_role("heading", level=1)).to_have_text(NEWCOMER_NAME)
    expect(profile).to_contain_text("Tenant organiser in Luton")
    expect(profile.get_by_role("region", name="About")).to_contain_text(
        "I help neighbours talk to the council."
    )
    facts = profile.locator("dl")
    expect(facts).to_contain_text("East of England")
    skill_links = profile.get_by_role("link", name=re.compile("Negotiation|Public speaking"))
    expect(skill_links).to_have_text(["Negotiation", "Public speaking"])
    photo = profile.locator("img.profile__photo")
    # Served only through the member area's permission-checked address, and it loads.
    expect(photo).to_have_attribute("src", re.compile(r"^/members/[0-9a-f-]+/photo/$"))
    photo.scroll_into_view_if_needed()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(profile.get_by_role("link", name="Edit my profile")).to_be_visible()

    from members.models import Profile

    saved = Profile.objects.get(user__email=NEWCOMER_EMAIL)
    assert (saved.status, saved.visibility, saved.photo_visibility) == (
        "approved",
        "members",
        "members",
    )
    with saved.photo.open() as stored, Image.open(stored) as picture:
        assert (picture.format, picture.size) == ("JPEG", (64, 64))

    # Someone who is not signed in cannot see the profile, nor its JSON.
    stranger = open_page(browser, demo_site, foreign_requests, DESKTOP)
    response = stranger.goto(profile_url)
    assert response.status == 404
    expect(stranger.get_by_text(NEWCOMER_NAME)).to_have_count(0)
    expect(stranger.get_by_text("Tenant organiser in Luton")).to_have_count(0)
    assert stranger.request.get(profile_url + "profile.json").status == 404
    stranger.context.close()


def someone_to_find():
    """A demo alumnus other members can find by one of their skills and their home
    area, with the skill that finds the most members there, and how many it finds."""
    from django.contrib.auth import get_user_model

    from members.services.directory import findable_profiles, search_directory

    member = get_user_model().objects.get(email="member@example.org")
    candidates = (
        findable_profiles(member)
        .filter(home_area_visibility__in=["members", "public"])
        .exclude(home_area="")
        .exclude(user=member)
        .order_by("display_name")
    )
    best = None
    for profile in candidates:
        for item in profile.skill_items.all():
            filters = {"skill": [item.tag], "area": profile.home_area}
            count = search_directory(member, filters).count()
            if best is None or count > best[2]:
                best = (profile, item.tag.name, count)
    if best:
        return best
    raise AssertionError("the demo has nobody to find by skill and area")


def test_member_finds_someone_by_skill_and_area_and_sends_them_a_message(desktop, demo_site):
    target, skill, expected = someone_to_find()
    area = target.home_area_label
    recipient_email = target.user.email
    body = "Hello! I am starting a tenants' group too. Could we talk about your first campaign?"

    sign_in(desktop, demo_site.url, "member@example.org")
    desktop.get_by_role("link", name="Find other members").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Member directory")
    search = desktop.get_by_role("search", name="Search members")
    search.get_by_role("group", name="Skills").get_by_role("checkbox", name=skill).check()
    search.get_by_role("combobox", name="Home area").select_option(label=area)
    search.get_by_role("button", name="Search").click()

    results_name = f"{expected} member" if expected == 1 else f"{expected} members"
    results = desktop.get_by_role("region", name=results_name)
    expect(results.get_by_role("heading", name=results_name)).to_be_visible()
    cards = results.get_by_role("article")
    expect(cards).to_have_count(expected)
    for card in cards.all():
        expect(card).to_contain_text(skill)
        expect(card).to_contain_text(area)
    found = cards.filter(has=desktop.get_by_role("heading", name=target.display_name, exact=True))
    found.get_by_role("link", name=target.display_name, exact=True).click()

    profile = desktop.get_by_role("article")
    expect(profile.get_by_role("heading", level=1)).to_have_text(
        re.compile("^" + re.escape(target.display_name))
    )
    expect(profile).to_contain_text(area)
    expect(profile).not_to_contain_text(recipient_email)
    profile.get_by_role("link", name="Send a message").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(
        f"Start a conversation with {target.display_name}"
    )
    desktop.get_by_role("textbox", name="Your message").fill(body)
    desktop.get_by_role("button", name="Send", exact=True).click()
    expect(desktop.get_by_role("status")).to_contain_text("Your message is sent.")
    # The message is in the conversation, which the sender now reads (issue 19 §2).
    expect(desktop.get_by_role("heading", level=1)).to_have_text(
        f"Conversation with {target.display_name}"
    )
    expect(desktop.get_by_role("main")).to_contain_text(body)

    [email] = [message for message in mail.outbox if recipient_email in message.to]
    assert email.subject == "Maya Member wrote to you on Active Citizens Network"
    assert body not in email.body
    assert "member@example.org" not in email.body
    assert recipient_email not in email.body
    assert "member@example.org" not in email.from_email
    assert email.reply_to == []
