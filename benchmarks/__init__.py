"""Benchmarks of the served explorer against a bare Panel page (``make bench``).

They measure and record; nothing here asserts a timing. See BENCHMARKS.md.
"""
