"""Words a user could type that break a page or a file written carelessly: markup, quotes,
an escaped entity, format placeholders, non-ASCII. Rows written in Python instead of a
template are held to the template's output with these."""

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry",
    "{pk} {0} %s %(role)s",
    "Zürich – Müller & Söhne 💼",
]
