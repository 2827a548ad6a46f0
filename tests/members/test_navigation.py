"""The site header fits who is reading (issue 19 §1): everyone finds Programmes, Events,
Stories and Search; approved members also the directory and their "My page" menu;
pending members only their own page and settings; signing out is a form, not a link."""

import re

import pytest
from django.urls import reverse


def header_of(response):
    html = response.content.decode()
    return html[html.index("<header") : html.index("</header>")]


def footer_of(response):
    html = response.content.decode()
    return html[html.index("<footer") : html.index("</footer>")]


@pytest.fixture
def menu_pages(home_page, programme_index):
    from tests.stories.factories import StoryIndexPageFactory

    programme_index.show_in_menus = True
    programme_index.save_revision().publish()
    stories = StoryIndexPageFactory(parent=home_page, title="Stories", show_in_menus=True)
    return programme_index, stories


def link_labels(header):
    return [
        re.sub(r"<[^>]+>", "", label).strip() for label in re.findall(r"<a [^>]*>(.*?)</a>", header)
    ]


def test_everyone_finds_programmes_events_stories_and_search_in_that_order(client, menu_pages):
    header = header_of(client.get("/en/"))
    labels = link_labels(header)
    wanted = [menu_pages[0].title, "Events", "Stories", "Search", "Sign in"]
    assert [label for label in labels if label in wanted] == wanted
    assert reverse("events:list") in header
    assert "My page" not in header and "Members" not in labels


def test_approved_member_has_directory_and_my_page_menu_with_sign_out_button(
    client, menu_pages, approved_member
):
    client.force_login(approved_member)
    header = header_of(client.get("/en/"))
    labels = link_labels(header)
    assert "Members" in labels
    assert "<details" in header and "<summary" in header
    for label in ["My page", "Edit my profile", "My events", "Mentoring", "Account settings"]:
        assert label in labels, label
    sign_out = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', header, re.S)
    assert sign_out.group(1) == reverse("account_logout")
    assert "csrfmiddlewaretoken" in sign_out.group(2) and "Sign out" in sign_out.group(2)
    assert "Sign in" not in labels


def test_sign_out_button_signs_the_member_out(client, home_page, approved_member):
    client.force_login(approved_member)
    client.post(reverse("account_logout"))
    assert "Sign in" in link_labels(header_of(client.get("/en/")))


def test_pending_member_sees_only_their_own_page_and_settings(client, menu_pages, pending_member):
    client.force_login(pending_member)
    labels = link_labels(header_of(client.get("/en/")))
    assert {"My page", "Edit my profile", "Account settings"} <= set(labels)
    assert not {"Members", "My events", "Mentoring"} & set(labels)
    # What is not offered is what the pending member could not open.
    assert client.get(reverse("members:directory")).status_code == 403


def test_current_section_is_marked_for_screen_readers(client, home_page, approved_member):
    client.force_login(approved_member)
    header = header_of(client.get(reverse("events:list")))
    assert re.search(r'href="/en/events/" aria-current="page"', header)


def test_header_is_translated(client, menu_pages, approved_member):
    client.force_login(approved_member)
    labels = link_labels(header_of(client.get("/ar/")))
    assert "الأعضاء" in labels
    assert "صفحتي" in labels


def test_footer_links_to_privacy_notice_contact_and_newsletter(client, home_page):
    from wagtail.models import Site

    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "hello@example.org"
    site_settings.save()
    footer = footer_of(client.get("/en/"))
    assert reverse("members:privacy_notice") in footer
    assert "mailto:hello@example.org" in footer
    assert reverse("newsletter_signup") in footer or site_settings.newsletter_url in footer


def test_header_html_is_valid_for_members(client, menu_pages, approved_member, w3c):
    client.force_login(approved_member)
    assert w3c(client.get("/en/").content.decode()) == []


def test_messages_in_the_header_say_how_many_conversations_wait_unread(
    client, menu_pages, approved_member, another_member
):
    from members.models import Conversation

    client.force_login(another_member)
    header = header_of(client.get("/en/"))
    assert reverse("members:messages") in header
    assert "unread" not in header

    client.post(
        reverse("members:message", args=[approved_member.profile.public_id]),
        {"body": "Shall we meet at the next event?"},
    )
    client.force_login(approved_member)
    header = header_of(client.get("/en/"))
    assert "Messages 1" in " ".join(link_labels(header))
    assert "1 unread" in header

    client.get(reverse("members:conversation", args=[Conversation.objects.get().public_id]))
    assert "unread" not in header_of(client.get("/en/"))
