"""Stage (store): the fact store (`fact_store.Store`) on SQLite or PostgreSQL (`backends`)."""
