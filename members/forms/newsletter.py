"""The member's newsletter choice: yes or no, and the language to read it in."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from members.models import NewsletterChoice


class NewsletterChoiceForm(forms.ModelForm):
    """A plain yes/no (radio buttons work without JavaScript) and a language."""

    wanted = forms.TypedChoiceField(
        label=_("Would you like the newsletter by email?"),
        choices=[
            ("no", _("No, do not send me the newsletter")),
            ("yes", _("Yes, send me the newsletter")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        help_text=_(
            "Stories that are not translated yet come in the language they were written in."
        ),
    )

    class Meta:
        model = NewsletterChoice
        fields = ["wanted", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["wanted"] = "yes" if self.instance.wanted else "no"
