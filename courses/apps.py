from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from courses import publishing
        from courses.api import register

        # Wagtail's own apps add their routers to the v3 API here, before its URLs are built.
        register()
        # No page stays live below one that is not, whichever way it is published or moved.
        publishing.connect()
