"""Reference for the latency benchmark: one slider, one plotly chart, nothing else."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

a = st.slider("a", 0.0, 5.0, 1.0, 0.1, key="a")
x = np.linspace(-3, 3, 200)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(a * x))), width="stretch")
