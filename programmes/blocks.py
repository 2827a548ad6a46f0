"""Blocks only programme pages use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LearningOutcomeBlock(blocks.CharBlock):
    """One thing a participant will be able to do by the end."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 250)
        kwargs.setdefault("label", _("Outcome"))
        super().__init__(**kwargs)

    class Meta:
        icon = "tick"
        template = "programmes/blocks/learning_outcome_block.html"


class FocusAreaBlock(blocks.StructBlock):
    """A main theme of the programme, such as "Building power to create change"."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "list-ul"
        label = _("Focus area")
        template = "programmes/blocks/focus_area_block.html"
        preview_value = {
            "title": "Speaking out on issues",
            "description": "Practical training in telling your story so that others act.",
        }
