"""StreamField blocks shared by every page type.

Each StructBlock carries its own template, icon and preview value, so that
editors see a meaningful preview in the block picker.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages own the single h1, so bodies start at h2."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        template = "home/blocks/heading_block.html"
        icon = "title"
        label = _("Heading")
        preview_value = {"text": "How the sessions work", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text a screen reader user needs."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        template = "home/blocks/image_block.html"
        icon = "image"
        label = _("Image")
        preview_value = {"alt_text": "Participants at a planning day", "caption": ""}


class QuoteBlock(blocks.StructBlock):
    """A quotation; the attribution may be left empty to keep the speaker anonymous."""

    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to quote someone anonymously."),
    )

    class Meta:
        template = "home/blocks/quote_block.html"
        icon = "openquote"
        label = _("Quotation")
        preview_value = {
            "quote": "Taking part gave me the confidence to speak at the council.",
            "attribution": "A participant",
        }


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one link, such as "Apply now"."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    link_label = blocks.CharBlock(label=_("Link label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or web address"), required=False)

    class Meta:
        template = "home/blocks/call_to_action_block.html"
        icon = "link"
        label = _("Call to action")
        preview_value = {"text": "Applications are open.", "link_label": "Apply now"}

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(_("Choose a page or give a web address."))
                }
            )
        return result


class BaseStreamBlock(blocks.StreamBlock):
    """The body content most pages share."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
