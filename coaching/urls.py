from django.urls import path

from coaching import plan_views, views

app_name = "coaching"

urlpatterns = [
    path("learning/assignments/<int:pk>/", views.assignment, name="assignment"),
    path("learning/submission-files/<int:pk>/", views.submission_file, name="submission_file"),
    path("learning/feedback/<int:pk>/file/", views.feedback_file, name="feedback_file"),
    path("learning/editions/<int:edition_id>/action-plan/", plan_views.plan, name="plan"),
    path(
        "learning/editions/<int:edition_id>/action-plan/versions/",
        plan_views.plan_versions,
        name="plan_versions",
    ),
    path(
        "learning/editions/<int:edition_id>/action-plan/share/",
        plan_views.plan_share,
        name="plan_share",
    ),
    path(
        "learning/editions/<int:edition_id>/action-plan.pdf", plan_views.plan_pdf, name="plan_pdf"
    ),
]
