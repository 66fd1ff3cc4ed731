"""Stage (run): one run from start to finish — the per-article step, the async workers, the
Batch API path, the Ray engine, pricing and budgets, and the runner that sets it all up."""
