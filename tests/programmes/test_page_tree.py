"""Where each page type may sit in the page tree, so editors cannot build a broken site."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from members.models import User
from programmes.models import ProgrammeIndexPage, ProgrammePage
from tests.factories import HomePageFactory, ProgrammeIndexPageFactory, ProgrammePageFactory


class PageTypeRulesTests(WagtailPageTestCase):
    """The rules each page type declares, checked with Wagtail's own assertions."""

    def test_home_page_sits_only_directly_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ProgrammeIndexPage, HomePage)
        self.assertCanNotCreateAt(ProgrammePage, HomePage)

    def test_editors_can_add_only_section_indexes_under_the_home_page(self):
        self.assertEqual(
            {model.__name__ for model in HomePage.creatable_subpage_models()},
            {"ProgrammeIndexPage", "StoryIndexPage", "PrivacyNoticePage"},
        )

    def test_programme_index_sits_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, ProgrammeIndexPage)
        self.assertCanNotCreateAt(Page, ProgrammeIndexPage)
        self.assertCanNotCreateAt(ProgrammeIndexPage, ProgrammeIndexPage)
        self.assertCanNotCreateAt(ProgrammePage, ProgrammeIndexPage)

    def test_programme_index_holds_only_programmes(self):
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage})

    def test_programme_page_sits_only_under_the_programme_index(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertCanCreateAt(ProgrammeIndexPage, ProgrammePage)
        self.assertCanNotCreateAt(Page, ProgrammePage)
        self.assertCanNotCreateAt(HomePage, ProgrammePage)
        self.assertCanNotCreateAt(ProgrammePage, ProgrammePage)

    def test_programme_page_has_no_children(self):
        self.assertAllowedSubpageTypes(ProgrammePage, set())


class PageTreeInstanceTests(WagtailPageTestCase):
    """The rules as they apply to a real tree: one home page, one index per home page."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        cls.root.refresh_from_db()
        cls.home = HomePageFactory(parent=cls.root)

    def test_a_second_home_page_cannot_be_added_under_the_root(self):
        self.root.refresh_from_db()
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_a_home_page_without_a_programme_index_can_take_one(self):
        self.assertTrue(ProgrammeIndexPage.can_create_at(self.home))

    def test_a_home_page_takes_only_one_programme_index(self):
        ProgrammeIndexPageFactory(parent=self.home)
        self.home.refresh_from_db()

        self.assertFalse(ProgrammeIndexPage.can_create_at(self.home))

    def test_a_programme_index_takes_any_number_of_programmes(self):
        index = ProgrammeIndexPageFactory(parent=self.home)
        ProgrammePageFactory(parent=index)
        ProgrammePageFactory(parent=index)
        index.refresh_from_db()

        self.assertTrue(ProgrammePage.can_create_at(index))

    def test_nothing_can_be_added_under_a_programme(self):
        programme = ProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=self.home))

        for page_type in (HomePage, ProgrammeIndexPage, ProgrammePage):
            with self.subTest(page_type=page_type.__name__):
                self.assertFalse(page_type.can_create_at(programme))


@pytest.fixture
def admin_client_for_editor(client, db):
    client.force_login(User.objects.create_superuser(email="admin@example.org", password="x"))
    return client


def test_admin_offers_a_programme_index_under_a_home_page_that_has_none(
    admin_client_for_editor, home_page
):
    response = admin_client_for_editor.get(
        reverse("wagtailadmin_pages:add_subpage", args=(home_page.pk,))
    )

    assert response.status_code == 200
    assert (
        reverse("wagtailadmin_pages:add", args=("programmes", "programmeindexpage", home_page.pk))
        in response.text
    )


def test_admin_refuses_a_second_programme_index_under_the_same_home_page(
    admin_client_for_editor, programme_index
):
    home_page = programme_index.get_parent()
    add_url = reverse(
        "wagtailadmin_pages:add", args=("programmes", "programmeindexpage", home_page.pk)
    )

    choices = admin_client_for_editor.get(
        reverse("wagtailadmin_pages:add_subpage", args=(home_page.pk,))
    )
    add_form = admin_client_for_editor.get(add_url)

    # The story index and the privacy notice are left to add, not a second programme
    # index: asked for anyway, Wagtail sends the editor back to the dashboard.
    assert choices.status_code == 200
    offered = choices.text
    assert reverse("wagtailadmin_pages:add", args=("stories", "storyindexpage", home_page.pk)) in (
        offered
    )
    assert reverse("wagtailadmin_pages:add", args=("home", "privacynoticepage", home_page.pk)) in (
        offered
    )
    assert add_url not in offered
    assert (add_form.status_code, add_form.url) == (302, reverse("wagtailadmin_home"))
    assert ProgrammeIndexPage.objects.child_of(home_page).count() == 1
