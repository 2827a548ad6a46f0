"""Edit-form panels shared by the publishing apps."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel

# Hook: `fn() -> Widget` for choosing a member's account (registered by members/, which
# knows who the members are); a publishing app's account field uses the first one.
ACCOUNT_CHOOSER_HOOK = "member_account_chooser_widget"


class AccountChooserPanel(FieldPanel):
    """A field naming an account (`settings.AUTH_USER_MODEL`), chosen with the member
    area's searchable chooser when it registers one, so that an editor picks a person by
    display name instead of scrolling a list of every account."""

    def get_form_options(self):
        options = super().get_form_options()
        if options and not self.widget:
            for make_widget in hooks.get_hooks(ACCOUNT_CHOOSER_HOOK):
                options["widgets"] = {self.field_name: make_widget()}
                break
        return options
