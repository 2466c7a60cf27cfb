"""Plotly figure builders: plot data in, ``go.Figure`` out. No Streamlit here."""

from viz.plotly_speed import install

install()  # before any figure is built: plotly's array validation without the dataframe probe
