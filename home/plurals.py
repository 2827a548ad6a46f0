"""The word after a number in the form its language needs: "1 session", "2 sessions".

An outcome figure's unit is typed once with all its forms, separated by "|", in the
order of the plural categories that whole numbers take in that language (CLDR's
rules, read through Babel):

    English, and languages like it   one | other          session | sessions
    Romanian                         one | few | other    sesiune | sesiuni | de sesiuni
    Polish, Ukrainian                one | few | many     sesja | sesje | sesji
    Arabic                           zero | one | two | few | many | other
    Chinese                          one form             場

A translator writes the forms of their own language into the translated unit. A unit
with a single form is used after every number; one with too few forms uses its last
form for the categories it lacks. The rules follow the unit's own language, so an
English unit shown as a fallback on an Arabic page still reads "1 person".
"""

from functools import lru_cache

from babel import Locale as BabelLocale
from babel import UnknownLocaleError

from home.localized import LocalizedText, reader_language

FORM_SEPARATOR = "|"
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@lru_cache(maxsize=32)
def _rule(language: str):
    try:
        return BabelLocale.parse(language.replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError):
        return BabelLocale.parse("en").plural_form


@lru_cache(maxsize=32)
def plural_categories(language: str) -> tuple[str, ...]:
    """The categories whole numbers fall into in `language`, in CLDR order: the order
    an editor types a unit's forms in."""
    rule = _rule(language)
    seen = {rule(number) for number in range(0, 1000)}
    return tuple(category for category in CLDR_ORDER if category in seen)


def unit_forms(unit: str) -> list[str]:
    return [form.strip() for form in (unit or "").split(FORM_SEPARATOR)]


def unit_for(count: int | None, unit: str, language: str | None = None) -> LocalizedText:
    """The form of `unit` that follows `count`. The language is the unit's own when it
    knows it (a `LocalizedText`), otherwise `language`, otherwise the reader's."""
    language = getattr(unit, "language", None) or language or reader_language()
    forms = [form for form in unit_forms(unit)]
    if not unit or not any(forms):
        return LocalizedText("", language)
    if len(forms) == 1 or count is None:
        return LocalizedText(forms[-1] if count is None else forms[0], language)
    categories = plural_categories(language)
    category = _rule(language)(abs(int(count)))
    position = categories.index(category) if category in categories else len(categories) - 1
    return LocalizedText(forms[min(position, len(forms) - 1)], language)


def needs_forms(unit: str, language: str) -> bool:
    """A unit written in a language with plurals gives each form: True when a word unit
    has a single form where the language has more than one."""
    has_word = any(character.isalpha() for character in unit or "")
    return has_word and len(unit_forms(unit)) == 1 and len(plural_categories(language)) > 1


def forms_hint(language: str) -> str:
    """ "one | other" for English: the order a translator types the forms in."""
    return f" {FORM_SEPARATOR} ".join(plural_categories(language))
