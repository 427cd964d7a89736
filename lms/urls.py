from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.documents import urls as wagtaildocs_urls

from assessments import urls as assessments_urls
from coaching import urls as coaching_urls
from cohorts import urls as cohorts_urls
from credentials import urls as credentials_urls
from learning import urls as learning_urls
from lms.accounts import urls as accounts_urls
from lms.accounts.views import (
    authenticate_with_collection_password,
    authenticate_with_page_password,
)
from lms.core.reports import wagtail_export_urls
from lms.core.views import healthz
from search import urls as search_urls

# A database that has gone away answers 503 (retry shortly) rather than 500.
handler500 = "lms.core.views.server_error"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    # Wagtail's own exporting listings, formula-safe, answer at their admin URLs before Wagtail's.
    path("admin/", include(wagtail_export_urls())),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password form for private collections, with wrong guesses limited (as for pages).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_with_collection_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("accounts/", include(accounts_urls)),
    path("", include(assessments_urls)),
    path("", include(learning_urls)),
    path("", include(cohorts_urls)),
    path("", include(coaching_urls)),
    path("", include(credentials_urls)),
    path("", include(search_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other URL from the page tree; it must come last. Its password form for
# private pages answers first through a view that limits wrong guesses (lms/accounts/views.py),
# at the same URL, so that Wagtail's own links to it keep working.
urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_page_password,
    ),
    path("", include(wagtail_urls)),
]
