from django.urls import path

from learning import views

urlpatterns = [
    path("learning/", views.dashboard, name="learning"),
    path("learning/courses/<int:page_id>/enrol/", views.enrol, name="enrol"),
    path("learning/courses/<int:page_id>/leave/", views.leave, name="leave"),
    path("learning/modules/<int:page_id>/complete/", views.complete, name="complete_module"),
    path("certificates/<slug:code>/", views.certificate, name="certificate"),
]
