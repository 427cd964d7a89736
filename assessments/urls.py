from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("learning/skills/", views.my_skills, name="my_skills"),
    path("learning/skills/assess/", views.assess, name="assess"),
    path("learning/editions/<int:edition_id>/skills/", views.cohort_skills, name="cohort_skills"),
]
