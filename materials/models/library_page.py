"""The materials library at /materials/, and each material's own page beneath it."""

from django.http import Http404
from django.template.response import TemplateResponse

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.models import EditionPage

from .library_query import InvalidFilters, MaterialQuery
from .material import Material


class MaterialLibraryPage(RoutablePageMixin, Page):
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

    @classmethod
    def material_url(cls, material, request=None):
        """The material's own page under the library, or None without a live library."""
        library = cls.for_request(request)
        if library is None:
            return None
        return library.url_for_request(request) + library.reverse_subpage(
            "material", args=[material.slug]
        )

    def get_materials(self):
        return (
            Material.objects.published()
            .select_related("edition", "document")
            .prefetch_related("skills", "tags")
        )

    @path("")
    def index_route(self, request):
        """The library: filters, facet counts, text search, sorting and pages, all in the URL."""
        request._material_library = self
        try:
            query = MaterialQuery(request.GET)
        except InvalidFilters as error:
            response = self.render(request, context_overrides={"error": str(error)})
            response.status_code = 400
            return response
        return self.render(
            request,
            context_overrides={
                "query": query,
                "page_obj": query.page(count=query.total()),
                "facets": query.facets(),
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
            "materials/material_detail.html",
            {"page": self, "self": self, "material": material},
        )
