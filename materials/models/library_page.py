"""The materials library at /materials/, and each material's own page beneath it."""

from django.http import Http404
from django.template.response import TemplateResponse

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.models import EditionPage, viewable_by
from lms.core.cache import vary_on_query

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

    @classmethod
    def shows_materials(cls, request):
        """Whether this request may see the published materials.

        Materials have no page of their own: the library is their public home, so they are shown
        only where the library itself would be — when it is live under live pages and every view
        restriction on it and its ancestors accepts the request, as Wagtail's serve view judges
        them (login, password, groups). Without such a library, none: fail closed. Every path
        that reads materials for visitors (library, API, search, skill pages, counts, a module's
        material block) starts here. The decision is taken once per request. It is all published
        materials or none, which the library's stored counts rely on (`MaterialQuery`): a
        restriction of a material's own would be added to `visible_materials`, and those counts
        taught to leave it out.
        """
        shown = getattr(request, "_materials_shown", None)
        if shown is None:
            library = cls.for_request(request)
            shown = library is not None and viewable_by(library, request)
            request._materials_shown = shown
        return shown

    @classmethod
    def visible_materials(cls, request):
        """The published materials this request may see, or none (`shows_materials`)."""
        if cls.shows_materials(request):
            return Material.objects.published()
        return Material.objects.none()

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

    def get_materials(self, request):
        return (
            self.visible_materials(request)
            .select_related("edition", "document")
            .prefetch_related("skills", "tags")
        )

    @path("")
    def index_route(self, request):
        """The library: filters, facet counts, text search, sorting and pages, all in the URL."""
        request._material_library = self
        try:
            query = MaterialQuery(request.GET, self.visible_materials(request))
        except InvalidFilters as error:
            response = self.render(request, context_overrides={"error": str(error)})
            response.status_code = 400
            return response
        page_obj = query.page(count=query.total())
        response = self.render(
            request,
            context_overrides={"query": query, "page_obj": page_obj, "facets": query.facets()},
        )
        # The page cache keeps a copy per filter state, as the library's links spell it, and none
        # per search text (lms/core/cache.py).
        page = [("page", page_obj.number)] if query.form.cleaned_data["page"] else []
        shown = None if query.text else [*query.params(), *page]
        return vary_on_query(response, query.form.fields, shown)

    @re_path(r"^(?P<slug>[-\w]+)/$", name="material")
    def material(self, request, slug):
        request._material_library = self
        try:
            material = self.get_materials(request).get(slug=slug)
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
