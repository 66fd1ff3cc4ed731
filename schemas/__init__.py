"""Schema: Pydantic fact families (QuantFact first), the metric vocabulary and model-facing forms."""

from .facts import SCHEMA_VERSION, ArticleFacts, Finding, QuantFact, Usage
from .vocabulary import METRIC_UNIT_CLASS, METRICS, Metric

__all__ = [
    "SCHEMA_VERSION", "ArticleFacts", "Finding", "QuantFact", "Usage",
    "METRIC_UNIT_CLASS", "METRICS", "Metric",
]
