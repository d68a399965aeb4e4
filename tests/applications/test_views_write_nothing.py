"""The applications app's pages, forms and admin write no row themselves: each write is a call
to one of the app's services (tests/test_architecture.py checks the whole tree the same way;
this one stays green while other apps are still being moved)."""

import ast

import pytest

from tests.test_architecture import ROOT, _writes

MODULES = [
    "applications/views.py",
    "applications/company_views.py",
    "applications/attachment_views.py",
    "applications/forms.py",
    "applications/admin.py",
    "applications/reminder_kinds.py",
]


@pytest.mark.parametrize("module", MODULES)
def test_it_writes_only_through_a_service(module):
    path = ROOT / module
    assert not _writes(ast.parse(path.read_text(), filename=module))
