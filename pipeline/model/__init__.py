"""Stage (model access): everything between newsfacts and a model endpoint.

The client and its retries (`llm`, the only module importing openai or instructor), the run-wide
throttle its requests pass, the embedded llama.cpp server, cassettes for replay and recording,
and `endpoint`, which sets all of this up once per run. Nothing here knows about facts or prompts.
"""
