"""The skills taxonomy as public pages: every area and skill, and what is tagged with each."""

from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import render

from courses.library import InvalidFilters, MaterialQuery, Vocabulary, skill_taxonomy
from courses.models import CoursePage, MaterialLibraryPage, ModulePage

SKILL_PAGE_MATERIALS = 12


def skill_index(request):
    return render(request, "courses/skill_index.html", {"areas": skill_taxonomy()})


def skill_detail(request, slug):
    """A skill, or an area standing for all of its skills, with a page of its materials."""
    vocabulary = Vocabulary()
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
        materials = MaterialQuery(params, vocabulary=vocabulary, fixed={"skill": [slug]})
    except InvalidFilters as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    library = MaterialLibraryPage.for_request(request)
    tagged = {"skill_items__tag__in": [skill.pk for skill in skills]}
    # Only what a link shows: a module's body and a course's fields cost time to load.
    linked = ("title", "url_path")
    return render(
        request,
        "courses/skill_detail.html",
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
            "page_obj": materials.page(per_page=SKILL_PAGE_MATERIALS),
            "library_url": library.get_url(request) + materials.querystring() if library else None,
        },
    )
