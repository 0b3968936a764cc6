"""Streamlit pages of the praxisgraph app (each a standalone script)."""
