"""One email — an .eml file or the text a mail client copies — read into a normalised message.

Mail is hostile input: anyone can send the forwarding address anything. So reading is bounded
(a size cap, a cap on MIME parts, a cap on nested forwards), never raises on malformed MIME (every
header and every part is read inside its own guard), and never fetches anything: HTML is turned
into text by the sanitiser, with images, scripts and styles dropped, not followed.

A forwarded message is read as the original: its sender, date, subject and body replace the
outer ones (the outer sender is kept as ``forwarded_by``), and a forward of a forward is read
as the innermost message.

The modules, in the order a message meets them: ``message`` (the entry, ``parse_message``),
``headers`` and ``dates`` (a header block's values), ``bodies`` (MIME parts and HTML to text),
``forwards`` (a forward's original and a reply's quoted history), ``parsed`` (the result).
"""
