"""Data: versioned prompt files (<id>/v<N>.yaml) and their lock file. No code lives here."""
