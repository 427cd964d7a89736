from django.urls import path

from credentials import views

app_name = "credentials"

urlpatterns = [
    path("credentials/issuer/", views.issuer, name="issuer"),
    path("credentials/jwks.json", views.jwks, name="jwks"),
    path("credentials/status/revocation/", views.status_list, name="status_list"),
    path("credentials/achievements/<int:page_id>/", views.achievement, name="achievement"),
    path("credentials/verify/", views.verify, name="verify"),
    path("credentials/<uuid:public_id>/", views.credential, name="credential"),
    path("credentials/<uuid:public_id>.json", views.download_json, name="download_json"),
    path("credentials/<uuid:public_id>.jwt", views.download_jwt, name="download_jwt"),
]
