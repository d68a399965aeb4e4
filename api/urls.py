from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import applications, base, companies, coping, docs, inbox, interviews, reminders, token_views

router = SimpleRouter()
router.register("companies", companies.CompanyViewSet, basename="company")
router.register("contacts", companies.ContactViewSet, basename="contact")
router.register("applications", applications.ApplicationViewSet, basename="application")
router.register("interviews", interviews.InterviewViewSet, basename="interview")
router.register("reminders", reminders.ReminderViewSet, basename="reminder")
router.register("plans", coping.PlanViewSet, basename="plan")
router.register("journal", coping.JournalViewSet, basename="journal")
router.register("incidents", coping.IncidentViewSet, basename="incident")
router.register("feedback", coping.FeedbackViewSet, basename="feedback")
router.register("inbox", inbox.InboxViewSet, basename="inbox")

app_name = "api"
urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Any other address under /api/v1/ (an id that isn't a number): a 404 in the API's shape.
    re_path(r"^api/v1/", base.not_found),
    # The reference, rendered by the server from the schema in the site's own template.
    path("api/docs/", docs.api_docs, name="docs"),
    path("accounts/api-tokens/", token_views.token_list, name="tokens"),
    path(
        "accounts/api-tokens/<int:token_id>/revoke/", token_views.token_revoke, name="token_revoke"
    ),
]
