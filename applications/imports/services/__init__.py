"""The import's writes (tests/test_architecture.py: only service modules write models): the
user's steps (steps.py), the background work (work.py), records into applications
(writing.py), and how far a running import is (progress.py)."""
