"""Admin registration for the shared vocabularies and snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Funder, Organisation, Skill, Topic


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "website"]
    search_fields = ["name"]


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "pick"
    menu_label = _("Funders")
    list_display = ["name", "funding_scheme"]
    search_fields = ["name"]


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tag"
    menu_label = _("Skills")
    list_display = ["name", "description"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = _("Shared content")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (OrganisationViewSet, FunderViewSet, SkillViewSet, TopicViewSet)


register_snippet(SharedContentGroup)
