"""Django's own formats for this language, plus the day/month/year form that Wagtail's
admin date pickers write (`WAGTAIL_DATE_FORMAT`), so staff can pick dates in it."""

from network_site.formats.admin_input import with_admin_input_formats

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS = with_admin_input_formats("zh_Hant")
