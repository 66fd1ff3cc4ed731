"""Stage (check): deterministic, offline checks — normalize (units, periods, US dollars), ECB rates,
validation across sources, and scoring against gold facts. Nothing here reaches the model client."""
