"""Structural fuzzing of the whole document pipeline: `make fuzz` and tests/test_fuzz.py."""
