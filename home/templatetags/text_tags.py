"""Marking text by its language, and isolating people's own words, on every page.

- `{% lang_attrs value %}` writes ` lang=".." dir=".."` when `value` is in another
  language than the page: a `LocalizedText`, anything with a `language` code (an event
  a member wrote, a chart row) or a `locale_id` (a snippet, a page). Nothing otherwise.
  `{% lang_attrs language="en" %}` does the same for a known language code.
- `{% marked value %}` writes the text itself, inside `<span lang dir>` only when it is
  in another language (a skill name that fell back to English on an Arabic page).
- `{% term skill %}` is a skill's or topic's name in the reader's language, marked;
  `{% term_for_slug "skill" slug %}` the same for lists that carry only slugs, and
  `{% term_description skill %}` a skill's explanation.
- `{{ field|in_reader_language }}` names the options of a filter's topic or skill
  field (slugs of the shared vocabulary) in the reader's language.
- `{% isolate value %}` wraps names and other text people typed in `<bdi>`, so a
  Latin name in an Arabic sentence (or an Arabic name in an English one) cannot pull
  the punctuation around it the wrong way. `{% isolate value language="ar" %}` also
  says which language it is.
"""

import copy

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.html import format_html

from home.i18n import language_direction, locale_codes
from home.localized import LocalizedText, default_language, reader_language, same_language
from home.vocabulary import name_for_slug, term_name
from home.vocabulary import term_description as _term_description
from home.widgets import LanguageMarkedSelect

register = template.Library()


def language_of(value) -> str | None:
    """The language a value is written in, when it says."""
    if isinstance(value, LocalizedText):
        return value.language
    language = getattr(value, "language", None)
    if isinstance(language, str) and language:
        return language
    locale_id = getattr(value, "locale_id", None)
    if locale_id is not None:
        return locale_codes().get(locale_id)
    return None


def _other_language(value, language=None) -> str | None:
    language = language or language_of(value)
    if not language or same_language(language, reader_language()):
        return None
    return language


@register.simple_tag
def lang_attrs(value=None, language=None):
    other = _other_language(value, language)
    if other is None:
        return ""
    return format_html(' lang="{}" dir="{}"', other, language_direction(other))


@register.simple_tag
def marked(value, language=None):
    other = _other_language(value, language)
    if other is None:
        return format_html("{}", value)
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', other, language_direction(other), value
    )


@register.simple_tag
def term(tag):
    return marked(term_name(tag))


@register.simple_tag
def term_for_slug(kind, slug):
    name = name_for_slug(kind, slug)
    return marked(name) if name else ""


@register.simple_tag
def term_description(tag):
    return marked(_term_description(tag))


@register.simple_tag
def source_language():
    """The site's default language: what untranslated content is written in."""
    return default_language()


@register.simple_tag
def isolate(value, language=None):
    if value in (None, ""):
        return ""
    other = _other_language(value, language)
    if other is None:
        return format_html("<bdi>{}</bdi>", value)
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', other, language_direction(other), value)


@register.filter(name="language_of")
def language_of_filter(value):
    """The language code a value says it is in, for `{% marked text language=… %}`."""
    return language_of(value) or ""


# Filter forms whose options are the shared vocabulary ---------------------------------

VOCABULARY_FIELDS = {"topic": "topic", "topics": "topic", "skill": "skill", "skills": "skill"}


@register.filter
def in_reader_language(bound_field):
    """A form field whose options are slugs of the shared vocabulary (a filter form's
    `topic` or `skill` choice), with each option named in the reader's language and
    marked `lang` where its name falls back to English. Any other field unchanged.
    (Model choice fields need nothing: a skill's `str()` is already its name.)"""
    kind = VOCABULARY_FIELDS.get(getattr(bound_field, "name", ""))
    field = getattr(bound_field, "field", None)
    if (
        kind is None
        or not isinstance(field, forms.ChoiceField)
        or isinstance(field, forms.ModelChoiceField)
        or type(field.widget) is not forms.Select
    ):
        return bound_field
    empty = [(value, label) for value, label in field.choices if value in ("", None)]
    named = [
        (value, name_for_slug(kind, str(value)) or label)
        for value, label in field.choices
        if value not in ("", None)
    ]
    relabelled = copy.deepcopy(field)
    relabelled.widget = LanguageMarkedSelect(attrs=dict(field.widget.attrs))
    relabelled.choices = empty + sorted(named, key=lambda choice: str(choice[1]).casefold())
    return BoundField(bound_field.form, relabelled, bound_field.name)
