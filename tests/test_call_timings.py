"""benchmarks/call_timings.py reads each call's cached, evaluated and generated tokens from the server log."""

from __future__ import annotations

from benchmarks.call_timings import Call, read_calls, table

LOG = """INFO:     127.0.0.1:1 - "GET /v1/models HTTP/1.1" 200 OK
llama_perf_context_print:        load time =       1.22 ms
llama_perf_context_print: prompt eval time =   22379.74 ms /  1209 tokens (   18.51 ms per token,    54.02 tokens per second)
llama_perf_context_print:        eval time =    2809.42 ms /    55 runs   (   51.08 ms per token,    19.58 tokens per second)
llama_perf_context_print:       total time =   45592.34 ms /  1264 tokens
Llama.generate: 1157 prefix-match hit, remaining 94 prompt tokens to eval
llama_perf_context_print: prompt eval time =    7200.00 ms /    94 tokens (   76.60 ms per token,    13.06 tokens per second)
llama_perf_context_print:        eval time =    8500.00 ms /    59 runs   (  144.07 ms per token,     6.94 tokens per second)
"""


def test_each_call_is_one_row_with_its_cache_hits() -> None:
    calls = read_calls(LOG)
    assert calls == [Call(0, 1209, 22379.74, 55, 2809.42), Call(1157, 94, 7200.0, 59, 8500.0)]
    assert table(calls).splitlines()[-1] == "| all 2 | 2460 | 1157 | 1303 | 29.6 | 114 | 11.3 |"
