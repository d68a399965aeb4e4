from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import docs, inbox, token_views, views

router = SimpleRouter()
router.register("companies", views.CompanyViewSet, basename="company")
router.register("contacts", views.ContactViewSet, basename="contact")
router.register("applications", views.ApplicationViewSet, basename="application")
router.register("interviews", views.InterviewViewSet, basename="interview")
router.register("reminders", views.ReminderViewSet, basename="reminder")
router.register("plans", views.PlanViewSet, basename="plan")
router.register("journal", views.JournalViewSet, basename="journal")
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("feedback", views.FeedbackViewSet, basename="feedback")
router.register("inbox", inbox.InboxViewSet, basename="inbox")

app_name = "api"
urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Any other address under /api/v1/ (an id that isn't a number): a 404 in the API's shape.
    re_path(r"^api/v1/", views.not_found),
    # The reference, rendered by the server from the schema in the site's own template.
    path("api/docs/", docs.api_docs, name="docs"),
    path("accounts/api-tokens/", token_views.token_list, name="tokens"),
    path(
        "accounts/api-tokens/<int:token_id>/revoke/", token_views.token_revoke, name="token_revoke"
    ),
]
