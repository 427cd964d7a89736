"""Training materials (slides, recordings, worksheets…), with their skills and tags."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase, TaggedItemBase

from skills.models import Skill, SkillsManager

LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("it", "Italian"),
    ("es", "Spanish"),
    ("bg", "Bulgarian"),
    ("pl", "Polish"),
]


class MaterialSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="material_items")
    content_object = ParentalKey(
        "materials.Material", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_material_skill")
        ]
        # A skill's materials, for the library's counts, without reading the tagging rows.
        indexes = [models.Index("tag", "content_object", name="materialskill_tag_material")]


class MaterialTag(TaggedItemBase):
    content_object = ParentalKey(
        "materials.Material", on_delete=models.CASCADE, related_name="tagged_items"
    )


class MaterialQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Material(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A piece of training material that learners can find by skill and open or download."""

    class Kind(models.TextChoices):
        SLIDES = "slides", "Slides"
        RECORDING = "recording", "Recording"
        WORKSHEET = "worksheet", "Worksheet"
        CASE_STUDY = "case_study", "Case study"
        READING_LIST = "reading_list", "Reading list"
        SELF_ASSESSMENT = "self_assessment", "Self-assessment"
        TEMPLATE = "template", "Template or tool"

    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True, help_text="Appears in the material's URL.")
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    description = models.TextField(blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The file learners download (PDF slides, worksheet…).",
    )
    external_url = models.URLField(
        "external link", blank=True, help_text="For recordings or material hosted elsewhere."
    )
    edition = models.ForeignKey(
        "courses.EditionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
    )
    language = models.CharField(max_length=8, choices=LANGUAGES, default="en", db_index=True)
    date = models.DateField(default=timezone.localdate, db_index=True)
    skills = SkillsManager(
        verbose_name="skills",
        through=MaterialSkill,
        blank=True,
        related_name="materials",
        help_text="One to four skills from the taxonomy.",
    )
    tags = ClusterTaggableManager(through=MaterialTag, blank=True, related_name="tagged_materials")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="material")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="material",
        for_concrete_model=False,
    )

    objects = MaterialQuerySet.as_manager()

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("language"), FieldPanel("date")]),
                    FieldPanel("description", help_text="What the learner finds inside, and why."),
                    MultiFieldPanel(
                        [FieldPanel("document"), FieldPanel("external_url")],
                        heading="File or link",
                    ),
                ],
                heading="Content",
            ),
            ObjectList(
                [
                    FieldPanel("edition", help_text="The edition this material was made for."),
                    MultiFieldPanel(
                        [FieldPanel("skills"), FieldPanel("tags")], heading="Skills and tags"
                    ),
                ],
                heading="Classification",
            ),
        ]
    )

    api_fields = [
        APIField("title", writable=True),
        APIField("slug", writable=True),
        APIField("kind", writable=True),
        APIField("description", writable=True),
        APIField("document", writable=True),
        APIField("external_url", writable=True),
        APIField("edition", writable=True),
        APIField("language", writable=True),
        APIField("date", writable=True),
        APIField("skills", writable=True),
        APIField("tags", writable=True),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        # Site search narrows materials by a subquery of ids (a skill's) before searching them.
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("edition"),
        index.FilterField("date"),
        index.RelatedFields("skills", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["-date", "title"]
        # The library's two orders of published materials, so that a page of them is read in
        # order rather than sorting them all (at 100,000 on SQLite: 164 ms a page).
        indexes = [
            models.Index(
                F("date").desc(), "title", "id", condition=Q(live=True), name="material_newest"
            ),
            models.Index("title", "id", condition=Q(live=True), name="material_by_title"),
            # The facet count triggers recount published materials by these columns.
            models.Index(
                "edition", "kind", "language", condition=Q(live=True), name="material_live_columns"
            ),
            # The facet counts join a skill's tagging rows to the published materials' columns:
            # PostgreSQL reads both sides from indexes alone (INCLUDE is PostgreSQL's own).
            models.Index(
                "id",
                include=["edition", "kind", "language"],
                condition=Q(live=True),
                name="material_live_covering",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def workflow_states(self):
        return self._workflow_states

    def clean(self):
        super().clean()
        if self.kind == self.Kind.RECORDING and not (self.external_url or self.document_id):
            raise ValidationError({"external_url": "A recording needs a link or a file."})

    def get_preview_template(self, request, mode_name):
        return "materials/material_detail.html"

    def get_preview_context(self, request, mode_name):
        library = self._meta.apps.get_model("materials", "MaterialLibraryPage")
        return {"material": self, "page": library.for_request(request)}
