"""Blocks only story bodies use: figures, testimonials and a privacy-friendly video."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BaseStreamBlock
from stories.video import video_embed_url


class FigureBlock(blocks.StructBlock):
    """One outcome figure typed into a story: delivered against target."""

    label = blocks.CharBlock(label=_("Label"), max_length=120)
    delivered = blocks.IntegerBlock(label=_("Delivered"), min_value=0)
    target = blocks.IntegerBlock(label=_("Target"), min_value=1, required=False)
    unit = blocks.CharBlock(
        label=_("Unit"),
        max_length=120,
        required=False,
        help_text=_(
            "The word after the numbers in every form, separated by “|”, such as “person | people”."
        ),
    )

    class Meta:
        icon = "order"
        label = _("Figure")
        preview_value = {
            "label": "Workshops",
            "delivered": 24,
            "target": 20,
            "unit": "workshop | workshops",
        }


class FiguresBlock(blocks.StructBlock):
    """A set of figures shown as a table and a bar chart, like a programme's outcomes."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        template = "stories/blocks/figures_block.html"
        icon = "table"
        label = _("Figures")
        preview_value = {
            "caption": "What the project delivered",
            "figures": [
                {
                    "label": "Workshops",
                    "delivered": 24,
                    "target": 20,
                    "unit": "workshop | workshops",
                },
                {
                    "label": "Network members",
                    "delivered": 111,
                    "target": 50,
                    "unit": "person | people",
                },
            ],
        }


class VideoBlock(blocks.StructBlock):
    """A video on another site. Nothing loads from that site until the reader asks."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo address. Readers see a link until they choose to load it."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Transcript or summary"),
        required=False,
        help_text=_("For people who cannot watch or hear the video."),
    )

    class Meta:
        template = "stories/blocks/video_block.html"
        icon = "media"
        label = _("Video")
        preview_value = {"url": "https://www.youtube.com/watch?v=example", "title": "Our day"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context


class StoryBodyBlock(BaseStreamBlock):
    """The body of a story: the shared blocks plus figures and video."""

    figures = FiguresBlock()
    video = VideoBlock()
