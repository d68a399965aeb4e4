"""An upload over its page's limit is refused by its declared size, before its body is read
(issue 21: "a 100 MB upload is read whole before 'over 5 MB' is answered"): the import, an
attachment and a backup to restore; any other URL takes no more than Django's form limit."""

import socket
import time

import pytest
from django.conf import settings
from django.urls import reverse

from applications.models import Application, Attachment, ImportJob

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body of a refused upload was read")

    readline = read


def _post_declaring(client, url: str, size: int):
    return client.generic(
        "POST",
        url,
        CONTENT_LENGTH=str(size),
        CONTENT_TYPE="multipart/form-data; boundary=----x",
        **{"wsgi.input": Unreadable()},
    )


@pytest.mark.parametrize(
    ("page", "limit"),
    [("import", "5 MB"), ("attachment", "5 MB"), ("restore", "20 MB")],
)
def test_a_100_mb_upload_is_refused_unread_with_a_clear_page(
    alice_client, application, page, limit
):
    url = {
        "import": reverse("applications:import_start"),
        "attachment": reverse("applications:attachment_add", args=[application.pk]),
        "restore": reverse("backup"),
    }[page]
    response = _post_declaring(alice_client, url, 100 * MB)
    assert response.status_code == 413
    text = " ".join(response.content.decode().split())
    assert "<title>Error: that file is too large" in text
    assert f"That file is over {limit}, the most this page takes. Nothing was uploaded" in text
    assert f'<a class="btn btn-primary" href="{url}">Back to the form</a>' in text
    assert not ImportJob.objects.exists() and not Attachment.objects.exists()
    assert Application.objects.count() == 1


def test_just_over_the_limit_is_refused_and_just_under_reaches_the_form(alice_client):
    url = reverse("applications:import_start")
    # The file may be 5 MB; the form's other fields and the multipart headers come on top.
    assert _post_declaring(alice_client, url, 5 * MB + 200 * 1024).status_code == 413
    body = b"Company,Role\n" + b"x" * (5 * MB)
    boundary = "----rebound"
    payload = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
            f"Content-Type: text/csv\r\n\r\n"
        ).encode()
        + body
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = alice_client.generic(
        "POST", url, payload, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 200
    assert (
        "The file is over 5 MB. Split it in two. Nothing was imported." in response.content.decode()
    )


def test_a_page_that_takes_no_file_takes_no_big_body(alice_client):
    response = _post_declaring(
        alice_client, reverse("preferences"), settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
    )
    assert response.status_code == 413
    assert "That is far more than this page takes." in response.content.decode()


def test_the_api_answers_in_its_error_shape(alice_client):
    response = _post_declaring(alice_client, "/api/v1/applications/", 100 * MB)
    assert response.status_code == 413
    assert [error["code"] for error in response.json()["errors"]] == ["too_large"]


def test_a_real_server_answers_before_the_body_is_sent(live_server):
    """Over a socket: the headers promise 100 MB, a little is sent, the answer comes."""
    host, port = live_server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        start = time.perf_counter()
        sock.sendall(
            b"POST /applications/import/ HTTP/1.1\r\nHost: " + host.encode() + b"\r\n"
            b"Content-Type: multipart/form-data; boundary=----x\r\n"
            b"Content-Length: 104857600\r\n\r\n" + b"x" * 65536
        )
        answer = b""
        while b"</html>" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        elapsed = time.perf_counter() - start
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert "That file is over 5 MB, the most this page takes." in answer.decode()
    assert elapsed < 5
