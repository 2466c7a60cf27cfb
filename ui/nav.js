// ui/nav.py's menu: a page link followed where the sidebar lies over the page (a screen narrower than
// Streamlit's "md" breakpoint, 768 px) closes the sidebar, as st.navigation's own menu does on a phone,
// so the page opened is what the reader sees. One listener for the document, however often this mounts.
const OVERLAY_PX = 768;

function closeSidebar(event) {
  const link = event.target.closest && event.target.closest(".st-key-dl_nav a[href]");
  if (!link || window.innerWidth >= OVERLAY_PX) return;
  const button = document.querySelector("[data-testid='stSidebarCollapseButton'] button");
  if (button) setTimeout(() => button.click(), 0); // after Streamlit has taken the click as a page change
}

export default function () {
  if (window.__dlNavListening) return;
  window.__dlNavListening = true;
  document.addEventListener("click", closeSidebar, true);
}
