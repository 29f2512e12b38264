"""The adapters between the engine-neutral build (the rest of `macros`) and each engine that
renders the pages. Only the modules here import an engine; `tests/build/test_engine_neutral.py`
checks that the core imports with MkDocs unavailable."""
