"""The coping pages, one module per concern: plans, their step pages, the journal, and
removing a logged record."""
