// The CNN page's kernel grid: a k×k matrix of text inputs (k = 3 or 5) drawn from the URL-bound kernel
// text. A committed cell (Enter, Tab, leaving it) sends the text the grid was drawn from and every cell
// that now differs from it as the `edit` trigger; Python writes the new text and the rerun draws it back.
// A cell that does not hold a number is outlined red and not sent. The element stays mounted across
// reruns: cells take the new weights in place, except one being typed into, so focus and typing survive.

const STYLE_ID = "dl-kgrid-style";
// Widths in em of "w =", the brackets and k cells: the text shrinks below its size only when the page is
// too narrow for the grid (a 5×5 of "-0.0039"s on a small screen with the sidebar open).
const EMS = { 3: 18.5, 5: 28 };
// Theme values come from Streamlit's --st-* properties, so light, dark and custom themes all apply.
const STYLE = `
.dl-kgrid { container-type: inline-size; font-family: var(--st-font); color: var(--st-text-color); }
.dl-kgrid .fit { --size: var(--st-base-font-size, 1rem); font-size: min(var(--size), calc(100cqi / var(--ems)));
  display: flex; align-items: center; gap: 0.6em; }
.dl-kgrid.present .fit { --size: 22px; }
.dl-kgrid .name { font-style: italic; font-size: 1.15em; white-space: nowrap; }
.dl-kgrid .matrix { display: grid; gap: 0.3em; padding: 0.3em 0.45em; position: relative;
  grid-template-columns: repeat(var(--k), 4.2em); }
.dl-kgrid .matrix::before, .dl-kgrid .matrix::after { content: ""; position: absolute; top: 0; bottom: 0;
  width: 0.4em; border: 2px solid var(--st-text-color); }
.dl-kgrid .matrix::before { left: 0; border-right: none; }
.dl-kgrid .matrix::after { right: 0; border-left: none; }
.dl-kgrid input { box-sizing: border-box; width: 100%; min-width: 0; margin: 0; padding: 0.3em 0.35em;
  font: inherit; font-variant-numeric: tabular-nums; text-align: right; color: inherit;
  background: var(--st-secondary-background-color); border: 1px solid var(--st-border-color, transparent);
  border-radius: var(--st-base-radius, 0.5rem); outline: none; }
.dl-kgrid input:focus { border-color: var(--st-primary-color); box-shadow: 0 0 0 1px var(--st-primary-color); }
.dl-kgrid input[aria-invalid="true"] { border-color: var(--st-red-color, #d62728);
  box-shadow: 0 0 0 2px var(--st-red-color, #d62728); }
.dl-kgrid .hint { margin-top: 0.35em; font-size: 0.8rem; opacity: 0.7; }
.dl-kgrid.present .hint { display: none; }
`;

function addStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = STYLE;
  document.head.appendChild(style);
}

// A weight as typed: digits with an optional sign, decimal point and exponent ("−" accepted for "-").
// An empty cell is 0, as edit_kernel takes a blank cell. Anything else is NaN: not a number, not sent.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function valueOf(text) {
  const s = text.trim().replace(/\u2212/g, "-");
  if (s === "") return 0;
  const v = NUMBER.test(s) ? Number(s) : NaN;
  return Number.isFinite(v) ? v : NaN;
}

function check(input, grid) {
  const bad = Number.isNaN(valueOf(input.value));
  input.setAttribute("aria-invalid", String(bad));
  input.title = bad ? grid.__data.invalid : "";
  return !bad;
}

// Every cell holding a number other than the one drawn: [row, col, value].
function changedCells(grid) {
  const cells = [];
  for (const input of grid.__inputs) {
    const v = valueOf(input.value);
    if (!Number.isNaN(v) && v !== Number(input.dataset.shown)) cells.push([input.__row, input.__col, v]);
  }
  return cells;
}

function commit(input, grid) {
  if (!grid.isConnected || !input.__dirty || !check(input, grid)) return; // a removed grid sends nothing
  input.__dirty = false;
  const cells = changedCells(grid);
  if (cells.length) grid.__send("edit", { base: grid.__data.base, cells });
}

function move(grid, input, dr, dc) {
  const k = grid.__k;
  const r = input.__row + dr;
  const c = input.__col + dc;
  if (r < 0 || r >= k || c < 0 || c >= k) return false;
  const next = grid.__inputs[r * k + c];
  next.focus();
  next.select();
  return true;
}

function atEdge(input, end) {
  const { selectionStart: a, selectionEnd: b, value } = input;
  if (a === 0 && b === value.length) return true; // all selected, as on arriving
  return a === b && a === (end ? value.length : 0);
}

function onKey(event, input, grid) {
  const key = event.key;
  if (key === "Enter") {
    event.preventDefault();
    commit(input, grid);
    input.select();
  } else if (key === "Escape") {
    input.value = input.dataset.shown;
    input.__dirty = false;
    check(input, grid);
    input.select();
  } else if (key === "ArrowUp" || key === "ArrowDown") {
    if (move(grid, input, key === "ArrowUp" ? -1 : 1, 0)) event.preventDefault();
  } else if ((key === "ArrowLeft" || key === "ArrowRight") && atEdge(input, key === "ArrowRight")) {
    if (move(grid, input, 0, key === "ArrowLeft" ? -1 : 1)) event.preventDefault();
  }
}

function build(parentElement, k) {
  const root = document.createElement("div");
  root.className = "dl-kgrid";
  root.style.setProperty("--ems", String(EMS[k]));
  const wrap = document.createElement("div");
  wrap.className = "fit";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = "w =";
  name.setAttribute("aria-hidden", "true");
  const grid = document.createElement("div");
  grid.className = "matrix";
  grid.setAttribute("role", "group");
  grid.style.setProperty("--k", String(k));
  grid.__k = k;
  grid.__inputs = [];
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      const input = document.createElement("input");
      input.type = "text";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.__row = r;
      input.__col = c;
      input.addEventListener("input", () => {
        input.__dirty = true;
        check(input, grid);
      });
      input.addEventListener("keydown", (event) => onKey(event, input, grid));
      input.addEventListener("focus", () => input.select());
      input.addEventListener("blur", () => commit(input, grid));
      grid.__inputs.push(input);
      grid.appendChild(input);
    }
  }
  const hint = document.createElement("div");
  hint.className = "hint";
  hint.id = `dl-kgrid-hint-${Math.random().toString(36).slice(2)}`;
  grid.setAttribute("aria-describedby", hint.id);
  wrap.append(name, grid);
  root.append(wrap, hint);
  parentElement.appendChild(root);
  return root;
}

// New weights from Python: every cell shows them but one holding uncommitted typing.
function update(root, data) {
  const grid = root.querySelector(".matrix");
  grid.__data = data;
  grid.setAttribute("aria-label", data.label);
  root.classList.toggle("present", Boolean(data.present));
  root.querySelector(".hint").textContent = data.hint;
  for (const input of grid.__inputs) {
    const shown = data.weights[input.__row][input.__col];
    input.setAttribute("aria-label", data.cells[input.__row][input.__col]);
    const changed = input.dataset.shown !== shown;
    input.dataset.shown = shown;
    if (input.__dirty) {
      check(input, grid);
      continue;
    }
    if (input.value !== shown) input.value = shown;
    check(input, grid);
    if (changed && document.activeElement === input) input.select();
  }
}

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = component.data[0]; // ui/kernel_editor.py sends a one-item list
  addStyle();
  const k = data.weights.length;
  let root = parentElement.querySelector(":scope > .dl-kgrid");
  if (root && root.querySelector(".matrix").__k !== k) {
    root.remove(); // 3×3 <-> 5×5: a new grid
    root = null;
  }
  if (!root) root = build(parentElement, k);
  root.querySelector(".matrix").__send = setTriggerValue;
  update(root, data);
}
