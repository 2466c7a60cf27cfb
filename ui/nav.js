// ui/nav.py's menu: every page's link under its section's name, drawn as one element of the sidebar.
//
// One element, not a Streamlit page link per page: Streamlit renders every element of the app again at each
// commit of a page's rerun (the run's state changes for all of them), and the 19 page links and 6 section
// names were ~24 of the ~235 React components rendered per commit on /rnn-unrolling. This element draws its
// links once per language and page, and does nothing when a rerun sends the same menu.
//
// A plain click opens the page as Streamlit's own page links do, in this app without loading it again: the
// link's address goes into the history and Streamlit is told, as after the browser's back button
// (`popstate`: it reruns the app on the page of that address). A click with a modifier or the middle button
// is the browser's (a new tab or window). Where the sidebar lies over the page (a screen narrower than
// Streamlit's "md" breakpoint, 768 px), following a link closes the sidebar, as st.navigation's menu does on
// a phone, so the page opened is what the reader sees.
const OVERLAY_PX = 768;
const MENU = "dl-menu";

function pageUrl(path) {
  // Relative to the app's root: pages live one level down (/dropout), the app may be served under a path.
  return new URL(path, new URL(".", window.location.href)).href;
}

function build(box, data) {
  const nodes = [];
  for (const [name, pages] of data.sections) {
    const section = document.createElement("p");
    section.className = "dl-section";
    section.textContent = name;
    nodes.push(section);
    for (const [path, title, icon] of pages) {
      const link = document.createElement("a");
      link.href = pageUrl(path);
      link.dataset.path = path;
      if (icon) {
        const glyph = document.createElement("span");
        glyph.className = icon.material ? "dl-icon dl-material" : "dl-icon";
        glyph.setAttribute("aria-hidden", "true");
        glyph.setAttribute("translate", "no");
        glyph.textContent = icon.material || icon.text;
        link.appendChild(glyph);
      }
      const label = document.createElement("span");
      label.className = "dl-label";
      label.textContent = title;
      link.appendChild(label);
      nodes.push(link);
    }
  }
  box.replaceChildren(...nodes);
}

function mark(box, path) {
  for (const link of box.querySelectorAll("a[data-path]")) {
    if (link.dataset.path === path) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function follow(event, box) {
  const link = event.target.closest && event.target.closest("a[data-path]");
  if (!link || !box.contains(link) || event.defaultPrevented) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  window.history.pushState(null, "", link.href);
  window.dispatchEvent(new PopStateEvent("popstate", { state: null }));
  mark(box, link.dataset.path);
  if (window.innerWidth < OVERLAY_PX) {
    const button = document.querySelector("[data-testid='stSidebarCollapseButton'] button");
    if (button) setTimeout(() => button.click(), 0);
  }
}

export default function (component) {
  const { parentElement } = component;
  const [data] = component.data; // ui/nav.py sends the menu in a list
  let box = parentElement.querySelector(`nav.${MENU}`);
  if (!box) {
    box = document.createElement("nav");
    box.className = MENU;
    box.addEventListener("click", (event) => follow(event, box));
    parentElement.appendChild(box);
  }
  const text = JSON.stringify(data.sections);
  if (box.__sections !== text) {
    box.setAttribute("aria-label", data.label);
    build(box, data);
    box.__sections = text;
    box.dataset.builds = String(Number(box.dataset.builds || 0) + 1); // tests: drawn once per language and page
  }
  mark(box, data.current);
}
