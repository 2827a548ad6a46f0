"""Skill and topic names in the reader's language, the English name where untranslated.

Skills and topics are one shared vocabulary: one row and one id per entry, used by
programmes, profiles, mentoring, events and every filter. Only the names are
translated, as `SkillName` / `TopicName` snippets that wagtail-localize translates
(home/models/tags.py). All the names of every language are read in two queries when
the site frame is built, once per content version (home/frame.py), so a page that
shows fifty tags in Arabic asks the database nothing more than it did in English.

`term_name(tag)` is what every template and form uses (through `{% term %}`,
`str(tag)` and `choices()`); it returns a `LocalizedText`, so an English fallback on an
Arabic page can be marked `lang="en"`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache

from home.localized import LocalizedText, default_language, reader_language, text_in

KINDS = ("skill", "topic")


@dataclass
class Vocabulary:
    """Every vocabulary name in every language, keyed by the entry's one id."""

    # (kind, id) -> language -> (name, description); the default language always present.
    names: dict[tuple[str, int], dict[str, tuple[str, str]]] = field(default_factory=dict)
    # (kind, slug) -> id
    ids_by_slug: dict[tuple[str, str], int] = field(default_factory=dict)
    default: str = "en"

    def entry(self, kind: str, pk: int, language: str) -> tuple[LocalizedText, LocalizedText]:
        versions = self.names.get((kind, pk))
        if not versions:
            return LocalizedText("", self.default), LocalizedText("", self.default)
        source_name, source_description = versions[self.default]
        name, description = versions.get(language, ("", ""))
        return (
            text_in(language, name, source_name, self.default),
            text_in(language, description, source_description, self.default),
        )

    def is_translated(self, kind: str, pk: int, language: str) -> bool:
        versions = self.names.get((kind, pk), {})
        name = versions.get(language, ("", ""))[0]
        return bool(name) and name != versions.get(self.default, ("", ""))[0]


def load_vocabulary(locale_codes: dict[int, str] | None = None) -> Vocabulary:
    """Read every skill and topic with its names in every language: two queries."""
    from wagtail.models import Locale

    from home.models import Skill, Topic

    codes = locale_codes or dict(Locale.objects.values_list("id", "language_code"))
    vocabulary = Vocabulary(default=default_language())
    for kind, model in (("skill", Skill), ("topic", Topic)):
        if kind == "skill":
            fields = ("description", "names__locale_id", "names__name", "names__description")
        else:
            fields = ("slug", "names__locale_id", "names__name", "names__name")
        for (
            pk,
            slug,
            name,
            description,
            locale_id,
            translated,
            translated_description,
        ) in model.objects.values_list("id", "slug", "name", *fields):
            if kind == "topic":
                description = translated_description = ""
            vocabulary.ids_by_slug[(kind, slug)] = pk
            versions = vocabulary.names.setdefault((kind, pk), {})
            # The tag itself is the source: its name and description, in the default language.
            versions[vocabulary.default] = (name, description)
            language = codes.get(locale_id)
            if language and language != vocabulary.default:
                versions[language] = (translated or "", translated_description or "")
    return vocabulary


def current_vocabulary() -> Vocabulary:
    """The frame's vocabulary while serving a request; otherwise the one cached for the
    current content version (commands, emails), read at most once per change."""
    from home.frame import content_version, current_frame

    frame = current_frame()
    if frame is not None and getattr(frame, "vocabulary", None) is not None:
        return frame.vocabulary
    key = f"acn:vocabulary:{content_version()}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = load_vocabulary()
        cache.set(key, vocabulary, 60 * 60)
    return vocabulary


def _kind(term) -> str:
    return term._meta.model_name


def term_name(term, language: str | None = None) -> LocalizedText:
    """A skill's or topic's name in `language` (the reader's), or its English name."""
    if term is None:
        return LocalizedText("")
    language = language or reader_language()
    vocabulary = current_vocabulary()
    if (_kind(term), term.pk) not in vocabulary.names:
        return LocalizedText(term.name, vocabulary.default)
    return vocabulary.entry(_kind(term), term.pk, language)[0]


def term_description(term, language: str | None = None) -> LocalizedText:
    """A skill's one-sentence explanation in `language`, or in English."""
    language = language or reader_language()
    vocabulary = current_vocabulary()
    if (_kind(term), term.pk) not in vocabulary.names:
        return LocalizedText(getattr(term, "description", ""), vocabulary.default)
    return vocabulary.entry(_kind(term), term.pk, language)[1]


def name_for_slug(kind: str, slug: str, language: str | None = None) -> LocalizedText:
    """The name of the skill or topic with this slug (lists that only carry slugs)."""
    vocabulary = current_vocabulary()
    pk = vocabulary.ids_by_slug.get((kind, slug))
    if pk is None:
        return LocalizedText("", vocabulary.default)
    return vocabulary.entry(kind, pk, language or reader_language())[0]


def choices(terms, language: str | None = None) -> list[tuple[str, LocalizedText]]:
    """(slug, name in the reader's language) for a filter's options, in the order of
    the names the reader reads."""
    language = language or reader_language()
    options = [(term.slug, term_name(term, language)) for term in terms]
    return sorted(options, key=lambda option: option[1].casefold())


# The i18n report (home/i18n_report/) -------------------------------------------------


def all_vocabulary() -> list[str]:
    """Every entry as "skill: Campaigning", in English."""
    vocabulary = load_vocabulary()
    return sorted(
        f"{kind}: {versions[vocabulary.default][0]}"
        for (kind, _pk), versions in vocabulary.names.items()
    )


def translated_vocabulary(language: str) -> dict[str, str]:
    """Entries that have a name of their own in `language`: "skill: Campaigning" -> name."""
    vocabulary = load_vocabulary()
    return {
        f"{kind}: {versions[vocabulary.default][0]}": versions[language][0]
        for (kind, pk), versions in vocabulary.names.items()
        if vocabulary.is_translated(kind, pk, language)
    }


# Keeping each tag's source name -----------------------------------------------------


def keep_source_name(sender, instance, raw=False, **kwargs):
    """Every skill and topic has its name in the default language as a translatable
    row, equal to the tag's own name, for wagtail-localize to translate."""
    if raw:
        return
    from wagtail.models import Locale

    kind = _kind(instance)
    names = instance.names.model
    values = {"name": instance.name}
    if kind == "skill":
        values["description"] = instance.description
    locale = Locale.objects.filter(language_code=default_language()).first()
    if locale is None:
        return
    row = names.objects.filter(**{kind: instance}, locale=locale).first()
    if row is None:
        names.objects.create(**{kind: instance}, locale=locale, **values)
    elif any(getattr(row, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(row, name, value)
        row.save(update_fields=list(values))
