"""The project's own Wagtail hook names, each with its contract.

A hook is how one app reaches another without importing it: `home/` asks the sections
for content, a publishing app asks `members/` for an account, `members/` asks the
publishing apps for what they hold about a member. An app never uses a hook to talk to
itself: it imports its own functions. Register and look up with these constants:

    from home import hooks as project_hooks

    @hooks.register(project_hooks.HOME_PAGE_SECTIONS)
    def open_programmes_section(home_page, request): ...

Wagtail's own hooks (`register_admin_urls`, `register_log_actions`, ...) keep their
literal names: Wagtail documents them.
"""

DEMO_CONTENT = "demo_content"
"""`fn(run: DemoRun) -> None`: add the app's demo content, safe to repeat (note each
item made with `run.note(...)`). Called by `manage.py load_demo` after the home page,
site settings and the `SETUP_SITE` sections exist, in the order of `order=`:
programmes 10, stories 20, members 30, applications 50, translations and impact 60,
the home page's translations 90."""

SETUP_SITE = "setup_site"
"""`fn(run: SetupRun) -> None`: create the app's section index under the home page in
the default language if it is missing. Called by `manage.py setup_site` and
`load_demo` (home/setup.py `ensure_sections`); programmes 10, stories 20."""

HOME_PAGE_SECTIONS = "home_page_sections"
"""`fn(home_page, request) -> HomeSection | None`: one block of the home page (a
template and its context, home/sections.py), or None to show nothing. Called by
`home.sections.home_page_sections` on every home page view, so it must keep a fixed
number of queries; sections are shown by their `order`."""

SEARCHABLE_PAGE_TYPES = "searchable_page_types"
"""`fn() -> SearchableType`: a page type the site search offers as a filter (key,
label, model, order). Called by `home.search.searchable_types`."""

PROGRAMME_STORIES = "programme_stories"
"""`fn(programme: ProgrammePage) -> Iterable[ProgrammeStory]`: the published pages
about a programme (its default-language page), for its funder report. Called by
`home.related.programme_stories`; registered by stories/."""

REGISTER_IMPACT_COUNTERS = "register_impact_counters"
"""`fn() -> dict[ImpactSource, Counter | None]`: the counters for the computed
outcome figures the app's data feeds (see home/impact.py for a counter's arguments
and its optional `count_many`). Called by `home.impact.impact_counters`; a later
registration wins for the same source. Registered by programmes/ and members/."""

PROGRAMME_PARTICIPANT_ACCOUNT = "programme_participant_account"
"""`fn(*, email, name, language, home_area, invited_by) -> User | None`: the member
account of an applicant who accepted a programme place, made or linked. Called by
`programmes.services.applications` on acceptance (the first non-None answer wins);
registered by members/, so programmes/ never imports it."""

MEMBER_DATA_EXPORT = "member_data_export"
"""`fn(user) -> dict`: the sections another app adds to a member's data download
(its keys become top-level keys of the JSON). Called by
`members.services.member_data.export_member_data`; registered by programmes/ (their
applications, cohorts and self-assessment answers)."""

MEMBER_ACCOUNT_DELETING = "member_account_deleting"
"""`fn(user) -> None`: remove or anonymise what another app holds about a member,
inside the deletion's transaction and before the account and profile go. Called by
`members.services.member_data.delete_member`; registered by programmes/ (applications,
cohort names, self-assessment links)."""

PROJECT_HOOKS = (
    DEMO_CONTENT,
    SETUP_SITE,
    HOME_PAGE_SECTIONS,
    SEARCHABLE_PAGE_TYPES,
    PROGRAMME_STORIES,
    REGISTER_IMPACT_COUNTERS,
    PROGRAMME_PARTICIPANT_ACCOUNT,
    MEMBER_DATA_EXPORT,
    MEMBER_ACCOUNT_DELETING,
)
