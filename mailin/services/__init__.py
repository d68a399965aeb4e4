"""Mail in's writes: keep what a message said and the question it raises (``messages``),
decide that question (``suggestions``), the owner's choices (``preferences``), and
forgetting (``retention``), and the automatic ways in: the forwarding address and IMAP
folders (``sources``)."""
