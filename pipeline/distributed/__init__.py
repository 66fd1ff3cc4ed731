"""Stage (runner, distributed): run newsfacts' idempotent unit of work on an existing engine."""
