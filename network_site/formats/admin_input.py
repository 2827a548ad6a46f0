"""The input formats a language keeps, with the admin date pickers' form added."""

from importlib import import_module

ADMIN_DATE_INPUT = "%d/%m/%Y"
ADMIN_DATETIME_INPUT = "%d/%m/%Y %H:%M"


def with_admin_input_formats(locale_name: str) -> tuple[list[str], list[str]]:
    """Django's date and datetime input formats for `locale_name`, then the admin's."""
    try:
        django_formats = import_module(f"django.conf.locale.{locale_name}.formats")
    except ImportError:
        django_formats = None
    from django.conf import global_settings

    dates = list(getattr(django_formats, "DATE_INPUT_FORMATS", global_settings.DATE_INPUT_FORMATS))
    datetimes = list(
        getattr(django_formats, "DATETIME_INPUT_FORMATS", global_settings.DATETIME_INPUT_FORMATS)
    )
    if ADMIN_DATE_INPUT not in dates:
        dates.append(ADMIN_DATE_INPUT)
    if ADMIN_DATETIME_INPUT not in datetimes:
        datetimes.append(ADMIN_DATETIME_INPUT)
    return dates, datetimes
