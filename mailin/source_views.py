"""The "Ways in" page: the forwarding address and the connected IMAP folder."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from rebound.lib.types import AuthedRequest

from .forms_sources import ImapAccountForm
from .imap import ImapProblem
from .models import ImapAccount, InboundMessage
from .services import sources


def _page(request: AuthedRequest, imap_form: ImapAccountForm | None = None) -> HttpResponse:
    user = request.user
    account = ImapAccount.objects.filter(owner=user).first()
    counts = {
        source: InboundMessage.objects.filter(owner=user, source=source).count()
        for source in (InboundMessage.Source.FORWARD, InboundMessage.Source.IMAP)
    }
    return render(
        request,
        "mailin/ways_in.html",
        {
            "address": sources.forwarding_address_live(user=user),
            "forwarded_count": counts[InboundMessage.Source.FORWARD],
            "account": account,
            "imap_count": counts[InboundMessage.Source.IMAP],
            "imap_form": imap_form or ImapAccountForm(),
        },
        status=400 if imap_form is not None and imap_form.errors else 200,
    )


@login_required
@require_safe
def ways_in(request: AuthedRequest) -> HttpResponse:
    return _page(request)


@login_required
@require_POST
def forwarding_address_new(request: AuthedRequest) -> HttpResponse:
    replacing = sources.forwarding_address_live(user=request.user) is not None
    sources.forwarding_address_create(user=request.user)
    if replacing:
        messages.success(
            request, _("Your new address is ready. Mail to the old one is refused from now on.")
        )
    else:
        messages.success(request, _("Your forwarding address is ready: copy it below."))
    return redirect("mailin:ways_in")


@login_required
@require_POST
def forwarding_address_remove(request: AuthedRequest) -> HttpResponse:
    forgotten = sources.forwarding_address_remove(user=request.user)
    messages.success(
        request,
        _("The address is removed and mail to it is refused.") + " " + _forgotten(forgotten),
    )
    return redirect("mailin:ways_in")


@login_required
@require_POST
def imap_connect(request: AuthedRequest) -> HttpResponse:
    form = ImapAccountForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    connection = sources.ImapSettings(**form.cleaned_data)
    try:
        uidvalidity, last_uid = sources.imap_connection_check(connection=connection)
    except ImapProblem as problem:
        form.add_error(problem.field, str(problem))
        return _page(request, form)
    sources.imap_account_connect(
        user=request.user, connection=connection, uidvalidity=uidvalidity, last_uid=last_uid
    )
    messages.success(
        request,
        _("Connected to “%(folder)s”. Rebound reads new mail there every few minutes.")
        % {"folder": connection.folder},
    )
    return redirect("mailin:ways_in")


@login_required
@require_POST
def imap_poll_now(request: AuthedRequest) -> HttpResponse:
    account = ImapAccount.objects.select_related("owner").filter(owner=request.user).first()
    if account is None:
        messages.error(request, _("There’s no IMAP folder connected to read."))
        return redirect("mailin:ways_in")
    result = sources.imap_account_poll(account=account)
    if result.error and not result.stored:
        messages.error(
            request, _("Rebound couldn’t read the folder: %(error)s") % {"error": result.error}
        )
    elif result.stored:
        messages.success(
            request,
            ngettext(
                "%(count)d new message: see your Inbox.",
                "%(count)d new messages: see your Inbox.",
                result.stored,
            )
            % {"count": result.stored},
        )
    else:
        messages.info(request, _("Nothing new in the folder since the last look."))
    return redirect("mailin:ways_in")


@login_required
@require_POST
def imap_remove(request: AuthedRequest) -> HttpResponse:
    forgotten = sources.imap_account_remove(user=request.user)
    messages.success(
        request,
        _("The folder is disconnected and its password forgotten.") + " " + _forgotten(forgotten),
    )
    return redirect("mailin:ways_in")


def _forgotten(count: int) -> str:
    if count == 0:
        return _("Nothing had come in through it.")
    if count == 1:
        return _("The one message it brought is forgotten.")
    return _("The %(count)d messages it brought are forgotten.") % {"count": count}
