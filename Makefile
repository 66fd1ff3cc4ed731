# newsfacts developer commands. `make run` and `make test` are the README's two commands.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out/seeds

.PHONY: run test replay record lock clean

run: $(VENV)/.local-installed ## batch over seeds/ with the embedded model and the SQLite store
	$(BIN)/newsfacts run seeds/ --out $(OUT)

test: $(VENV)/.test-installed ## offline test suite (what CI runs)
	$(BIN)/python -m pytest

replay: $(VENV)/.test-installed ## the whole pipeline from the committed cassettes, no model
	$(BIN)/newsfacts run seeds/ --replay --out out/replay

record: $(VENV)/.local-installed ## re-record the cassettes from the embedded model
	$(BIN)/newsfacts run seeds/ --record --out out/record --prompt $(or $(PROMPT),extract_facts@6)

lock: $(VENV)/.test-installed ## lock the hashes of new prompt versions
	$(BIN)/newsfacts prompts lock

$(VENV)/.venv-created:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.venv-created
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# llama-cpp-python compiles from source: about 9 minutes on 2 cores, once. A native build enables
# AMX kernels that crash (SIGSEGV) on batched prompts in this sandboxed VM, so the CPU features are
# named explicitly, and pip's cache is bypassed so an earlier native wheel is never reused.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
$(VENV)/.local-installed: pyproject.toml $(VENV)/.venv-created
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --no-cache-dir -e '.[local,test]'
	touch $@ $(VENV)/.test-installed

clean:
	rm -rf $(VENV) out
