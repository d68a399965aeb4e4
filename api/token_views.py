"""Preferences → API tokens: make one (shown once), see when each was last used, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rebound.lib.types import AuthedRequest

from . import services
from .forms import TokenForm
from .models import ApiToken


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, user=request.user)
    shown = None
    if request.method == "POST" and form.is_valid():
        try:
            _, shown = services.token_create(
                owner=request.user,
                name=form.cleaned_data["name"],
                can_write=form.cleaned_data["access"] == "write",
                private_notes=form.cleaned_data["private_notes"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            form = TokenForm(user=request.user)
    tokens = ApiToken.objects.filter(owner=request.user, revoked_at__isnull=True)
    return render(
        request,
        "api/tokens.html",
        {"tokens": tokens, "form": form, "shown": shown, "max_tokens": services.MAX_TOKENS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    """GET asks first; POST revokes it at once (scripts using it get 401 from then on)."""
    token = get_object_or_404(ApiToken, pk=token_id, owner=request.user, revoked_at__isnull=True)
    if request.method == "POST":
        services.token_revoke(token=token)
        messages.success(
            request, _("Revoked “%(name)s”: it no longer works.") % {"name": token.name}
        )
        return redirect("api:tokens")
    return render(request, "api/token_revoke.html", {"token": token})
