from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import token_views, views

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

app_name = "api"
urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Any other address under /api/v1/ (an id that isn't a number): a 404 in the API's shape.
    re_path(r"^api/v1/", views.not_found),
    # Swagger UI from the vendored sidecar package, its start-up script a file (the CSP).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("accounts/api-tokens/", token_views.token_list, name="tokens"),
    path(
        "accounts/api-tokens/<int:token_id>/revoke/", token_views.token_revoke, name="token_revoke"
    ),
]
