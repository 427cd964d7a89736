"""Site search over editions, courses, modules and materials, grouped by type."""

from django.shortcuts import render

from courses.models import CoursePage, EditionPage, Material, ModulePage

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 20


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    groups = []
    if query:
        for label, queryset, is_material in (
            ("Editions", EditionPage.objects.live().public(), False),
            ("Courses", CoursePage.objects.live().public(), False),
            ("Modules", ModulePage.objects.live().public(), False),
            ("Materials", Material.objects.published(), True),
        ):
            results = list(queryset.search(query)[:RESULTS_PER_GROUP])
            if results:
                groups.append({"label": label, "results": results, "is_material": is_material})
    return render(request, "courses/search.html", {"query": query, "groups": groups})
