"""Streamlit helpers shared by every page: language state, page anatomy, the page registry."""
