"""Small reusable editing widgets shared by the step pages."""
