from django.urls import include, path

from search import views

skill_patterns = (
    [
        path("", views.skill_index, name="index"),
        path("<slug:slug>/", views.skill_detail, name="detail"),
    ],
    "skills",
)

urlpatterns = [
    path("skills/", include(skill_patterns)),
    path("search/", views.search, name="search"),
    path("search/autocomplete/", views.autocomplete, name="search_autocomplete"),
]
