"""Dot voting on step 2: the participant picker, the settings, the Pareto table and chart."""
