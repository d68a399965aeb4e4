"""The résumé and letter sent with an application: kept, downloaded by their owner only,
refused when they aren't what they claim, and gone with the application or the account."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications import services
from applications.models import Application, Attachment
from applications.pipeline import Status

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _add(client, application, **data):
    return client.post(reverse("applications:attachment_add", args=[application.pk]), data)


def _files() -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_a_resume_kept_shown_and_downloaded(alice_client, application):
    upload = SimpleUploadedFile("Sam CV 2025.pdf", PDF, "application/pdf")
    response = _add(alice_client, application, kind="resume", file=upload, version="Data roles")
    assert response.status_code == 302
    attachment = Attachment.objects.get(application=application)
    assert (attachment.filename, attachment.size, attachment.version) == (
        "Sam CV 2025.pdf", len(PDF), "Data roles",
    )  # fmt: skip
    # Stored under a random name, not the user's.
    assert "Sam" not in attachment.file.name and len(_files()) == 1
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "Data roles (Sam CV 2025.pdf)" in page and attachment.download_url in page
    download = alice_client.get(attachment.download_url)
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Sam CV 2025.pdf"'
    assert download["Cache-Control"] == "private, no-store"
    export = b"".join(
        alice_client.get(reverse("applications:application_export")).streaming_content
    )
    assert export.decode().splitlines()[1].endswith(",Data roles (Sam CV 2025.pdf),")


def test_a_named_version_without_a_file(alice_client, application):
    _add(alice_client, application, kind="cover_letter", version="  Letter,   fintech  ")
    attachment = Attachment.objects.get(application=application)
    assert (attachment.version, attachment.file.name) == ("Letter, fintech", "")
    assert alice_client.get(attachment.download_url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.exe", b"MZ\x90\x00", "Rebound keeps PDF, Word, OpenDocument, RTF and text files"),
        ("cv.html", b"<script>alert(1)</script>", "Rebound keeps PDF, Word"),
        ("cv.pdf", b"<html>not a pdf</html>", "That file isn’t really a .pdf file."),
        ("cv.docx", b"%PDF-1.4", "That file isn’t really a .docx file."),
        ("cv.txt", b"text\x00with a nul", "That file isn’t plain text."),
        ("cv.pdf", b"%PDF-" + b"x" * (5 * 1024 * 1024), "The file is over 5 MB."),
    ],
)
def test_files_that_arent_what_they_claim_are_refused(
    alice_client, application, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    response = _add(alice_client, application, kind="resume", file=upload)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "<title>Error:" in page
    assert not Attachment.objects.exists() and not _files()


def test_nothing_at_all_is_refused(alice_client, application):
    response = _add(alice_client, application, kind="resume", version="   ")
    assert "Attach the file you sent, or name the version." in response.content.decode()
    assert not Attachment.objects.exists()


def test_strangers_get_404_and_change_nothing(alice_client, bob_client, application):
    _add(alice_client, application, kind="resume", file=SimpleUploadedFile("cv.pdf", PDF))
    attachment = Attachment.objects.get()
    assert bob_client.get(attachment.download_url).status_code == 404
    remove = reverse("applications:attachment_remove", args=[attachment.pk])
    assert bob_client.get(remove).status_code == 404
    assert bob_client.post(remove).status_code == 404
    upload = SimpleUploadedFile("mine.pdf", PDF)
    assert _add(bob_client, application, kind="resume", file=upload).status_code == 404
    assert Attachment.objects.count() == 1 and len(_files()) == 1


def test_removing_asks_first_then_deletes_the_file_after_commit(
    alice_client, application, django_capture_on_commit_callbacks
):
    _add(alice_client, application, kind="resume", file=SimpleUploadedFile("cv.pdf", PDF))
    attachment = Attachment.objects.get()
    remove = reverse("applications:attachment_remove", args=[attachment.pk])
    page = alice_client.get(remove).content.decode()
    assert "can’t be undone" in page and Attachment.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_client.post(remove).status_code == 302
    assert not Attachment.objects.exists() and not _files()


def test_files_go_with_their_application_and_with_the_account(
    alice, alice_client, application, django_capture_on_commit_callbacks
):
    other = services.application_create(
        owner=alice, company=application.company, role="Engineer", status=Status.APPLIED
    )
    for target in (application, other):
        _add(alice_client, target, kind="resume", file=SimpleUploadedFile("cv.pdf", PDF))
    assert len(_files()) == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.application_delete(application=application)
    assert len(_files()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        alice.delete()
    assert not _files() and not Application.objects.exists()
