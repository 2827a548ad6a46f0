"""Date formats Django reads before its own (`FORMAT_MODULE_PATH`): UK dates in English,
and, in every language, the day/month/year form Wagtail's admin date pickers write
(`WAGTAIL_DATE_FORMAT`), so that a date staff pick is read back whatever their language."""
