"""From files to an evidenced RDF graph: readers → NLP → extraction → RDF → store."""
