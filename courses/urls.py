from django.urls import include, path

from courses.views import certificates, learning, search, skills

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
    path("learning/", learning.dashboard, name="learning"),
    path("certificates/<slug:code>/", certificates.certificate, name="certificate"),
]
