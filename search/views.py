"""Site search: every kind of page and the materials, grouped by type, filterable by skill; and
the skill pages.

Uses Wagtail's search backend (the database backend by default, PostgreSQL full-text search on
PostgreSQL). Page types are not listed here: any live, public page of the site that matches is
shown, grouped under its type's name.

The results are one list, paginated like the materials library: the matching pages, best first,
then the matching materials, best first. Each page of it shows its results grouped by type. A
skill filter narrows both searches inside the search query, so counts and pages hold every match.

Materials are searched, counted and listed only while the library is open to the request
(`MaterialLibraryPage.visible_materials`), as everywhere else. A search text follows the library's
rule: at most MAX_QUERY_LENGTH characters (more is a 400), and only its first MAX_QUERY_WORDS
words are searched, the rest ignored with a note on the page and in the autocomplete's JSON.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.functional import cached_property

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from courses.models import CoursePage, CourseSkill, ModulePage, ModuleSkill
from lms.core.cache import vary_on_query
from lms.core.search_text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from materials.models import (
    InvalidFilters,
    Material,
    MaterialLibraryPage,
    MaterialQuery,
    MaterialSkill,
    Vocabulary,
)
from materials.models.library_query import (
    MAX_PAGE,
    PER_PAGE,
    autocomplete_terms,
    ignores_words,
    search_terms,
)
from search.taxonomy import published_taxonomy
from skills.models import Skill, SkillArea

# What a result shows (its title, its type and its URL): whole rows took a tenth of the search's
# time to load.
PAGE_RESULT_FIELDS = ("title", "url_path", "path", "depth", "content_type")
MATERIAL_RESULT_FIELDS = ("title", "slug", "kind")
AUTOCOMPLETE_RESULTS = 8
SKILL_CHIPS = 8


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, label="Search")
    skill = forms.ChoiceField(required=False, label="Skill")
    # As in the library: a page number that is not one gives a 400, one past the end the last page.
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, vocabulary=None, **kwargs):
        super().__init__(data, **kwargs)
        if vocabulary is not None:
            self.fields["skill"].choices = [("", "Any skill"), *vocabulary.choices("skill")]
        else:
            del self.fields["skill"]

    def error_text(self):
        return " ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())


def _pages(request):
    """Live, public pages of the requested site (never the tree's root or other sites)."""
    pages = Page.objects.live().public()
    site = Site.find_for_request(request)
    return pages.in_site(site) if site else pages.none()


def _tagged(through, skill_ids):
    """Only what `through` tags with any of the skills: a subquery of ids, which Wagtail search
    takes as a filter (`id` is a FilterField of pages and of materials)."""
    return Q(pk__in=through.objects.filter(tag_id__in=skill_ids).values("content_object_id"))


class SearchResults:
    """The matching pages, then the matching materials, as one list for a Paginator: it counts
    both searches and reads only the part of each that a page of results shows."""

    def __init__(self, pages, materials):
        self.pages, self.materials = pages, materials

    @cached_property
    def page_count(self):
        return self.pages.count()

    @cached_property
    def material_count(self):
        return self.materials.count()

    def count(self):
        return self.page_count + self.material_count

    def __getitem__(self, index):
        """The results of a slice (all the Paginator asks for): its pages, then its materials."""
        start, stop, split = index.start or 0, index.stop, self.page_count
        pages = list(self.pages[start : min(stop, split)]) if start < split else []
        materials = (
            list(self.materials[max(start - split, 0) : stop - split]) if stop > split else []
        )
        return pages + materials


def _page_type(page):
    """The page's own type, from its content type: results show only the title and URL every
    page has, so the specific rows (a query per page type) are never read."""
    return page.specific_class or type(page)


def _group(results):
    """Results grouped by type: page types in tree order (editions before courses), then materials."""
    materials = [result for result in results if isinstance(result, Material)]
    groups = {}
    for page in (result for result in results if not isinstance(result, Material)):
        model = _page_type(page)
        group = groups.setdefault(
            model,
            {
                "label": str(model._meta.verbose_name_plural).capitalize(),
                "depth": page.depth,
                "results": [],
                "is_material": False,
            },
        )
        group["depth"] = min(group["depth"], page.depth)
        group["results"].append(page)
    ordered = sorted(groups.values(), key=lambda group: group["depth"])
    if materials:
        ordered.append({"label": "Materials", "results": materials, "is_material": True})
    return ordered


def _matching_skills(query):
    """Areas and skills whose name or description matches, shown as chips above the results."""
    backend, query = get_search_backend(), search_terms(query)
    areas = list(backend.search(query, SkillArea)[:SKILL_CHIPS])
    skills = list(backend.search(query, Skill)[:SKILL_CHIPS])
    return (areas + skills)[:SKILL_CHIPS]


def search(request):
    visible = MaterialLibraryPage.visible_materials(request)
    # The taxonomy is read only to check a skill filter, which most searches do not have.
    vocabulary = Vocabulary(visible) if request.GET.get("skill") else None
    form = SearchForm(request.GET, vocabulary=vocabulary)
    context = {
        "form": form,
        "query": "",
        "groups": [],
        "skill_chips": [],
        "skill": None,
        "page_obj": None,
    }
    if not form.is_valid():
        context["error"] = form.error_text()
        return render(request, "search/search.html", context, status=400)
    query = form.cleaned_data["q"].strip()
    skill_slug = form.cleaned_data.get("skill", "")
    context.update(query=query, skill=skill_slug and _skill_label(vocabulary, skill_slug))
    if query:
        pages = _pages(request).only(*PAGE_RESULT_FIELDS)
        materials = visible.only(*MATERIAL_RESULT_FIELDS)
        if skill_slug:
            skill_ids = vocabulary.skill_ids_by_slug[skill_slug]
            pages = pages.filter(_tagged(CourseSkill, skill_ids) | _tagged(ModuleSkill, skill_ids))
            materials = materials.filter(_tagged(MaterialSkill, skill_ids))
        terms = search_terms(query)
        results = SearchResults(pages.search(terms), materials.search(terms))
        page_obj = Paginator(results, PER_PAGE).get_page(form.cleaned_data["page"] or 1)
        context.update(
            groups=_group(page_obj.object_list),
            page_obj=page_obj,
            results=results,
            # The page of results the materials start on, for a link to them from the first.
            materials_page=results.page_count // PER_PAGE + 1,
            skill_chips=_matching_skills(query),
            skill_slug=skill_slug,
            words_ignored=ignores_words(query),
            max_words=MAX_QUERY_WORDS,
        )
    response = render(request, "search/search.html", context)
    # Only the empty form is cached: every new text would be a new copy (lms/core/cache.py).
    return vary_on_query(response, SearchForm.base_fields, None if query or skill_slug else [])


def _skill_label(vocabulary, slug):
    names = {area.slug: area.name for area in vocabulary.areas}
    names.update({skill.slug: skill.name for skill in vocabulary.skills})
    return {"slug": slug, "name": names[slug]}


def autocomplete(request):
    """Suggestions for the search box as JSON: {"query", "results": [{"title", "type", "url"}]}.

    `query` is the words searched. The box asks on every keystroke, so a text with more words
    than are searched still gets suggestions for its first MAX_QUERY_WORDS, with a `note` saying
    the rest were ignored, rather than an error that would empty the list mid-sentence; a text
    longer than MAX_QUERY_LENGTH characters is a 400 with the reason in `error`.
    """
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_text()}, status=400)
    query = autocomplete_terms(form.cleaned_data["q"])
    if not query:
        return JsonResponse({"query": "", "results": []})
    pages = _pages(request).filter(depth__gt=2).autocomplete(query)
    materials = MaterialLibraryPage.visible_materials(request).autocomplete(query)
    results = [
        {
            "title": page.title,
            "type": str(_page_type(page)._meta.verbose_name).capitalize(),
            "url": page.get_url(request),
        }
        for page in pages[:AUTOCOMPLETE_RESULTS]
    ]
    results += [
        {
            "title": material.title,
            "type": "Material",
            "url": MaterialLibraryPage.material_url(material, request),
        }
        for material in materials[:AUTOCOMPLETE_RESULTS]
    ]
    answer = {"query": query, "results": results[: AUTOCOMPLETE_RESULTS * 2]}
    if ignores_words(form.cleaned_data["q"]):
        answer["note"] = f"Only the first {MAX_QUERY_WORDS} words are searched."
    return JsonResponse(answer)


# Skill pages: the taxonomy, and each area and skill with what is tagged with it.

SKILL_PAGE_MATERIALS = 12


def skill_index(request):
    return render(request, "search/skill_index.html", {"areas": published_taxonomy(request)})


def skill_detail(request, slug):
    """A skill, or an area standing for all of its skills, with a page of its materials (those the
    request may see: none while the library is closed to it)."""
    visible = MaterialLibraryPage.visible_materials(request)
    vocabulary = Vocabulary(visible)
    area = next((area for area in vocabulary.areas if area.slug == slug), None)
    if area is not None:
        subject, skills = area, area.skill_list
    else:
        skill = next((skill for skill in vocabulary.skills if skill.slug == slug), None)
        if skill is None:
            raise Http404("No such skill.")
        subject, skills = skill, [skill]
    # Only the page number comes from the URL: the skill is the page's own.
    params = QueryDict(mutable=True)
    params.setlist("page", request.GET.getlist("page")[-1:])
    try:
        materials = MaterialQuery(params, visible, vocabulary=vocabulary, fixed={"skill": [slug]})
    except InvalidFilters as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    library = MaterialLibraryPage.for_request(request)
    tagged = {"skill_items__tag__in": [skill.pk for skill in skills]}
    # Only what a link shows: a module's body and a course's fields cost time to load.
    linked = ("title", "url_path")
    page_obj = materials.page(per_page=SKILL_PAGE_MATERIALS)
    response = render(
        request,
        "search/skill_detail.html",
        {
            "subject": subject,
            "area": area,
            "skills": skills,
            "courses": CoursePage.objects.live()
            .public()
            .filter(**tagged)
            .distinct()
            .order_by("path")
            .only(*linked),
            "modules": ModulePage.objects.live()
            .public()
            .filter(**tagged)
            .distinct()
            .order_by("path")
            .only(*linked),
            "page_obj": page_obj,
            "library_url": library.get_url(request) + materials.querystring() if library else None,
        },
    )
    # The page cache keeps a copy of each page of materials, as the pagination links spell it.
    shown = [("page", page_obj.number)] if materials.form.cleaned_data["page"] else []
    return vary_on_query(response, ["page"], shown)
