from django.apps import AppConfig


class CopingConfig(AppConfig):
    name = "coping"
    verbose_name = "Coping and reminders"

    def ready(self) -> None:
        # coping reacts to applications; applications never imports coping.
        from applications import views as application_views

        from . import receivers, views  # noqa: F401

        application_views.DETAIL_SECTIONS.append(views.application_section)
        application_views.AFTER_STATUS_CHANGE.append(views.after_status_change)
