"""The import of another tracker's export, one module per concern: reading (the file's bytes
to a table), formats/ (the exports Rebound knows), columns (Rebound's fields and status
words), mapping (columns to fields, rows to records), records (each application as it will
be imported), selectors (the pages' reads), services/ (every write: the user's steps, the
background work, records into applications, progress), tasks, forms and views. Nothing
outside this package reads an imported file."""
