"""Tests of the fishbone model and its layout (plain pytest, no Qt)."""
