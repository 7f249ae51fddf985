"""Benchmarks of the API, and the baseline it is measured against (see `bench.baseline`)."""
