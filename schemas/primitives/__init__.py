"""Primitives below the schemas: reading numbers in news prose, and text normalization with offsets.

`numbers` finds and parses numbers as news prose writes them (with `number_words` and
`currency_marks`, the currency abbreviations glued to them); `textnorm` folds text for matching
and maps each folded character back to the original. Standard library only; nothing here imports
`schemas` or `pipeline`, so the schema validators and every stage can build on it.
"""
