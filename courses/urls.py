from django.urls import include, path

from courses.views import search, skills

skill_patterns = (
    [
        path("", skills.skill_index, name="index"),
        path("<slug:slug>/", skills.skill_detail, name="detail"),
    ],
    "skills",
)

urlpatterns = [
    path("skills/", include(skill_patterns)),
    path("search/", search.search, name="search"),
    path("search/autocomplete/", search.autocomplete, name="search_autocomplete"),
]
