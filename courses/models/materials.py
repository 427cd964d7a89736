"""Training materials (slides, recordings, worksheets…) and the library page that publishes them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.models import ClusterableModel

from .pages import AcademyPageMixin, EditionPage
from .skills import MaterialSkill, MaterialTag, SkillsManager

LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("it", "Italian"),
    ("es", "Spanish"),
    ("bg", "Bulgarian"),
    ("pl", "Polish"),
]


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

    def get_url(self, request=None):
        library = MaterialLibraryPage.for_request(request)
        if library is None:
            return None
        return library.url_for_request(request) + library.reverse_subpage(
            "material", args=[self.slug]
        )

    @property
    def url(self):
        return self.get_url()

    def get_preview_template(self, request, mode_name):
        return "courses/material_detail.html"

    def get_preview_context(self, request, mode_name):
        return {"material": self, "page": MaterialLibraryPage.for_request(request)}


class MaterialLibraryPage(RoutablePageMixin, AcademyPageMixin, Page):
    """The materials library at /materials/, and each material's own page beneath it."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "materials library"

    @classmethod
    def for_request(cls, request=None):
        """The live library page, looked up once per request."""
        cached = getattr(request, "_material_library", False) if request is not None else False
        if cached is not False:
            return cached
        library = cls.objects.live().first()
        if request is not None:
            request._material_library = library
        return library

    def url_for_request(self, request=None):
        """The library's URL, worked out once per request: a page of materials links to each."""
        if request is None:
            return self.get_url()
        if getattr(request, "_material_library_url", None) is None:
            request._material_library_url = self.get_url(request)
        return request._material_library_url

    def get_materials(self):
        return (
            Material.objects.published()
            .select_related("edition", "document")
            .prefetch_related("skills", "tags")
        )

    @path("")
    def index_route(self, request):
        """The library: filters, facet counts, text search, sorting and pages, all in the URL."""
        from courses.library import InvalidFilters, MaterialQuery

        request._material_library = self
        try:
            query = MaterialQuery(request.GET)
        except InvalidFilters as error:
            response = self.render(request, context_overrides={"error": str(error)})
            response.status_code = 400
            return response
        facets = query.facets()
        return self.render(
            request,
            context_overrides={
                "query": query,
                "page_obj": query.page(count=query.total()),
                "facets": facets,
            },
        )

    @re_path(r"^(?P<slug>[-\w]+)/$", name="material")
    def material(self, request, slug):
        request._material_library = self
        try:
            material = self.get_materials().get(slug=slug)
        except Material.DoesNotExist:
            raise Http404("No such material.") from None
        if (
            material.edition
            and not EditionPage.objects.live().public().filter(pk=material.edition_id).exists()
        ):
            # A published material may belong to a draft or restricted edition: name no such edition.
            material.edition = None
        return TemplateResponse(
            request,
            "courses/material_detail.html",
            {"page": self, "self": self, "material": material},
        )
