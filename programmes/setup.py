"""The programme section a new site starts with (the `setup_site` step; load_demo adds
the seed programmes under it)."""

from wagtail.models import Locale

from programmes.models import ProgrammeIndexPage


def ensure_programme_index(run) -> ProgrammeIndexPage:
    """The programme index under the home page, in the default language."""
    index = ProgrammeIndexPage.objects.child_of(run.home_page).first()
    if index is not None:
        return index
    index = ProgrammeIndexPage(
        title="Programmes",
        slug="programmes",
        locale=Locale.get_default(),
        show_in_menus=True,
        introduction="<p>Free programmes for migrants and refugees who want to lead "
        "change. Open programmes come first.</p>",
    )
    run.home_page.add_child(instance=index)
    index.save_revision().publish()
    run.note("programme index")
    return index
