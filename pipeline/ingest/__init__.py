"""Stage (ingest): read the inputs — articles (txt/md/html/json with metadata, cleaned, stable ids) and JSON-lines files."""
