"""StreamField blocks for module bodies."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "courses/blocks/heading_block.html"
        form_classname = "title"


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("tip", "Tip"), ("note", "Note"), ("warning", "Warning")], default="tip"
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "courses/blocks/callout_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        help_text="Link to the recording (YouTube, Vimeo or another oEmbed provider)."
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"


class MaterialBlock(blocks.StructBlock):
    material = SnippetChooserBlock("materials.Material")
    note = blocks.CharBlock(required=False, help_text="Why the learner should open it now.")

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/material_block.html"


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    correct = blocks.BooleanBlock(required=False)

    class Meta:
        icon = "tick"


class SelfCheckBlock(blocks.StructBlock):
    """A multiple-choice question with exactly one correct answer, checked on the server."""

    question = blocks.CharBlock()
    options = blocks.ListBlock(AnswerOptionBlock(), min_num=2, max_num=6)
    explanation = blocks.TextBlock(required=False, help_text="Shown after a correct answer.")
    required = blocks.BooleanBlock(
        required=False,
        help_text="Learners must answer correctly before they can mark the module complete.",
    )

    class Meta:
        icon = "pick"
        template = "courses/blocks/self_check_block.html"

    def get_api_representation(self, value, context=None):
        """For anyone but editors, the question and the options' texts, without which option is
        right or the explanation.

        Learners find those out by answering on the page, where the server grades the answer and
        limits the tries: an API listing them would be the answer sheet. Editors (who may use the
        admin, where they write them) get the whole block, so that a body they read through the
        API and send back keeps its answers; Wagtail's pages API shows a token's user only the
        pages they may edit, and a signed-in browser's session does not count there.
        """
        representation = super().get_api_representation(value, context)
        user = getattr((context or {}).get("request"), "user", None)
        if user is not None and user.has_perm("wagtailadmin.access_admin"):
            return representation
        representation.pop("explanation", None)
        for option in representation["options"]:
            option.pop("correct", None)
        return representation

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct != 1:
            raise StructBlockValidationError(
                block_errors={
                    "options": ErrorList(
                        [ValidationError("Mark exactly one option as the correct answer.")]
                    )
                }
            )
        return value


class ModuleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        icon="pilcrow",
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"],
        template="courses/blocks/paragraph_block.html",
    )
    image = ImageBlock(template="courses/blocks/image_block.html")
    video = VideoBlock()
    material = MaterialBlock()
    callout = CalloutBlock()
    self_check = SelfCheckBlock()
