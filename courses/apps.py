from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        # Wagtail's own apps add their routers to the v3 API here, before its URLs are built.
        from courses.api import register

        register()
