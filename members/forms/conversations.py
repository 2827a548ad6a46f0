"""Forms of conversations: a reply, a report of one message, an organiser's message to
the people coming to their event. The rules are in members/services/conversations.py."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MessageForm(forms.Form):
    """A message to another member, or a reply in a conversation."""

    body = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Neither your email address nor theirs is shown to the other person."),
    )


class MessageReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Staff read this message and your reason, and nothing else of the thread."),
    )


class EventMessageForm(MessageForm):
    """The organiser's one message to everyone with a confirmed place: a message form
    whose help says who receives it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = _(
            "Each member with a confirmed place gets it in their conversation with you. "
            "Nobody sees anybody's email address."
        )
