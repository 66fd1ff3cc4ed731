"""Stage (extract): article -> facts with provenance, grounded in the text.

Prompts, the quantity scanner (`mentions`), chunking, the labelling strategies, grounding,
entities and coverage. Only `extraction` and the labelling askers reach the model client.
"""
