"""Stage (report): the run's output files — facts, findings and groups as JSON lines, report.md, report.html, run.json."""
