"""Plotly figure builders: plot data in, ``go.Figure`` out. No Streamlit here."""
