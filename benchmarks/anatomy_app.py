"""A second yardstick for the latency benchmark: plain Streamlit with the anatomy of one of our pages.

The reference app (reference_app.py) is one slider and one chart. Our pages follow DESIGN.md's anatomy:
a title with its badge and formula, the intuition, a column of controls, "Try this", the chart with its
metrics and outcome, an explanation and the code expander: about 45 elements that Streamlit sends and
the browser renders again on every rerun. This app has those elements, drawn with Streamlit's own
widgets and ``st.plotly_chart`` (the reference's figure), and none of ours: its change time is what
that much page costs in Streamlit itself, whatever the chart does.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

title, formula = st.columns([3, 2], vertical_alignment="bottom")
with title:
    st.badge("Chapter 6", icon=":material/menu_book:", color="blue")
    st.title("Gradient descent")
formula.latex(r"\theta_{k+1} = \theta_k - \eta\,\nabla L(\theta_k)")
st.markdown("Each step moves **θ** a little way down the slope: against the gradient, scaled by η. " * 3)
st.caption("η is the learning rate; ∇L points uphill.")
with st.expander("More", icon=":material/school:"):
    st.markdown("Longer prose. " * 40)
controls, main = st.columns([1, 3], gap="medium")
with controls:
    a = st.slider("a", 0.0, 5.0, 1.0, 0.1, key="a")  # the slider the benchmark moves, first on the page
    st.selectbox("Surface", ["bowl", "valley", "saddle"], key="surface")
    st.slider("Start x", -4.0, 4.0, 2.0, key="x0")
    st.number_input("Start y", -4.0, 4.0, 1.5, key="y0")
    st.slider("Steps", 1, 100, 30, key="steps")
    st.checkbox("3-D view", key="view3d")
    st.markdown("**:material/science: Try this**")
    st.selectbox("Experiment", ["A narrow valley", "Zig-zag", "Diverge"], key="pick", label_visibility="collapsed")
    st.caption("Raise η until the path overshoots the valley floor.")
    st.button("Apply", icon=":material/play_arrow:", type="primary", width="stretch")
    st.button("Reset", icon=":material/restart_alt:", width="stretch")
with main:
    x = np.linspace(-3, 3, 200)
    st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(a * x))), width="stretch")
    st.success(f"Converged after {int(10 + 10 * a)} steps.", icon=":material/trending_down:")
    for column, (label, value) in zip(
        st.columns(3), (("Loss", a / 7), ("Steps", 10 * a), ("|∇L|", a / 100)), strict=True
    ):
        column.metric(label, f"{value:.3f}")
    st.markdown(f"The path took **{int(10 + 10 * a)}** steps at η = {a:.1f}.")
st.subheader("What the picture shows")
st.markdown("The contour lines are the loss; the arrows point downhill. " * 4)
with st.container(border=True):
    st.markdown("A note on the slices below the map. " * 6)
st.expander("PyTorch code", icon=":material/code:")
