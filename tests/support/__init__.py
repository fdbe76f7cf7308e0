"""Helpers shared by the test modules (fixtures live in each module or in conftest)."""
