// One stable plotly chart: the element keeps its Plotly instance across Streamlit reruns and
// updates in place (Plotly.react), so a widget change never tears the plot down and rebuilds it.
// plotly.js is the copy that ships inside the Python `plotly` package, served by this app
// (server.enableStaticServing): no CDN, no request to another host.

const PLOTLY_SRC = "app/static/plotly.min.js";
let plotlyLoading = null;

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(fastArrayAttributes(window.Plotly));
  if (!plotlyLoading) {
    plotlyLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      // Relative to the app's root: pages live one level down (/gradient-descent), the base URL may not be "/".
      script.src = new URL(PLOTLY_SRC, new URL(".", window.location.href)).href;
      script.onload = () => resolve(fastArrayAttributes(window.Plotly));
      script.onerror = () => reject(new Error("plotly.js could not be loaded from " + script.src));
      document.head.appendChild(script);
    });
  }
  return plotlyLoading;
}

// Every frame of a scrub, and every update, recomputes each trace's data-array attributes
// (PlotSchema.findArrayAttributes): plotly crawls the trace type's whole attribute schema (hundreds of
// attributes) to find the few dozen that may hold arrays, then looks them up in the trace. That crawl
// was about a third of a scrub frame. Which attributes may hold arrays depends on the schema alone, so
// it is crawled once per trace type here (a plan: the candidate paths, in plotly's order), and each call
// only looks the candidates up. Same result, same order; the original stays reachable as `.original`
// (tests compare the two on every trace of every page).
function isPlain(value) {
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== null && Object.prototype.hasOwnProperty.call(proto, "hasOwnProperty");
}

function isArrayLike(value) {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function lookUp(node, depth, prefix, names, linked, found) {
  const value = node[names[depth]];
  const path = prefix + names[depth];
  if (depth === names.length - 1) {
    if (isArrayLike(value)) found.push(path);
  } else if (linked[depth]) {
    if (Array.isArray(value)) {
      value.forEach((item, k) => isPlain(item) && lookUp(item, depth + 1, `${path}[${k}].`, names, linked, found));
    }
  } else if (isPlain(value)) {
    lookUp(value, depth + 1, path + ".", names, linked, found);
  }
}

function fastArrayAttributes(Plotly) {
  const schema = Plotly.PlotSchema;
  if (!schema || schema.findArrayAttributes.original || typeof schema.crawl !== "function") return Plotly;
  const original = schema.findArrayAttributes;
  const plans = new WeakMap(); // trace module (or the schema itself for a trace without one) -> plan
  // Record which attributes plotly's crawl offers as array candidates, with its path bookkeeping.
  function planOf(trace) {
    const plan = [];
    let names = [];
    let linked = [];
    const crawl = schema.crawl;
    schema.crawl = function (attributes, visit, level, attrString) {
      if (visit.__recording) return crawl.call(this, attributes, visit, level, attrString); // crawl's own recursion
      const recording = function (value, name, holder, depth, ...rest) {
        names = names.slice(0, depth).concat([name]);
        linked = linked.slice(0, depth).concat([value && value._isLinkedToArray]);
        const candidate = value && (value.valType === "data_array" || value.arrayOk === true)
          && !(names[depth - 1] === "colorbar" && (name === "ticktext" || name === "tickvals"));
        if (candidate) plan.push([names.slice(), linked.slice()]);
        return visit.call(this, value, name, holder, depth, ...rest);
      };
      recording.__recording = true;
      return crawl.call(this, attributes, recording, level, attrString);
    };
    try {
      original.call(schema, trace);
    } finally {
      schema.crawl = crawl;
    }
    return plan;
  }
  const fast = function (trace) {
    const key = (trace && trace._module) || schema;
    let plan = plans.get(key);
    if (!plan) {
      plan = planOf(trace);
      plans.set(key, plan);
    }
    const found = [];
    for (const [names, linked] of plan) lookUp(trace, 0, "", names, linked, found);
    return found;
  };
  fast.original = original;
  schema.findArrayAttributes = fast;
  return Plotly;
}

// plotly.js bug (plotly/plotly.js#4491, plotly/plotly.py#2151): an animation frame with redraw: false
// replots only the animated (scatter) traces, and each subplot's replot joins its trace layers
// (g.mlayer) to the animated ones alone, so every other layer is removed: the contour map, heatmaps,
// and the traces of subplots with no animated trace vanish on the first scrub. Patch the cartesian
// plotter once: during such a partial replot the layers holding no animated trace are hidden from that
// join (their mlayer class is lifted), so they stay on screen as drawn, not drawn again every frame.
function layerOf(trace) {
  return trace._module.layerName || trace._module.name + "layer";
}

// How to draw a frame (a named one, or the new data of a move). plotly.js animates scatter traces alone and
// leaves every other trace as it was: the digits confusion matrix kept the last epoch's counts while the
// slider showed epoch 1. A redraw of the whole figure fixes that at the cost of the slider, the margins and
// every subplot (logistic: ~110 ms a frame), and Plotly.react of a changed heatmap costs as much. Instead,
// when the frame holds such traces, the layers holding the frame's traces are drawn again from the
// frame's data, without a transition (our frames have none), and everything else stays on screen
// (ui/figcache.py drop_redraw says when that is the whole picture).
function framedTraces(graph) {
  if (graph.__moving) return graph.__moving; // move(): the traces given new data
  const name = graph._fullLayout && graph._fullLayout._currentFrame;
  const hash = graph._transitionData && graph._transitionData._frameHash;
  const frame = name !== null && name !== undefined && hash ? hash[name] : undefined;
  return frame && frame.data ? frame.traces || frame.data.map((_, i) => i) : undefined;
}

// The traces to plot for a frame, and whether to plot them plainly (without a transition).
function framedDraw(graph, traces, base) {
  const framed = framedTraces(graph);
  if (!framed) return [traces, false];
  const layers = new Set(); // "<subplot> <layer class>" of every framed trace
  let plain = false;
  framed.forEach((index) => {
    const trace = graph._fullData[index];
    if (!trace || !trace._module || trace._module.basePlotModule !== base) return;
    // Bars animate their shape but keep their colours: a move that recoloured them (/digits-project's most
    // likely digit) showed the old colours. Drawn plainly, they are styled again (below).
    if (!trace._module.animatable || trace.type === "bar") plain = true;
    layers.add(trace.xaxis + trace.yaxis + " " + layerOf(trace));
  });
  if (!plain) return [traces, false];
  // Every trace of those layers: a layer drawn with some of its traces would drop the others.
  const list = graph._fullData.filter((t) => t._module && layers.has(t.xaxis + t.yaxis + " " + layerOf(t)));
  return [list.map((t) => t.index), true];
}

// plotly.js calls the plotter only for the base plot modules of traces it animates: a frame or a move whose
// traces are all heatmaps, contours or bars drew nothing (the representation page's decoder grid kept the
// other value's images). Draw them as framedDraw does, when plotly.js starts the transition (after it has
// computed the new data, before it plots).
function drawUnanimated(gd) {
  const framed = (framedTraces(gd) || []).map((i) => gd._fullData[i]).filter((t) => t && t._module);
  if (!framed.length || framed.some((t) => t._module.animatable)) return;
  const base = framed[0]._module.basePlotModule;
  if (base && base.__keepsStaticLayers) base.plot(gd, [], { duration: 0 });
}

// A relayout that draws some subplots again (relayoutOnly) ends, in plotly.js, by styling every trace of the
// figure (Plots.style: each module's style(gd), every point of every scatter again: /representation's 720
// markers, 15 ms of its 40 ms relayout), though its plotter styled the points it drew. Only the traces of the
// subplots drawn again are styled then: the trace groups of the others are hidden from the module's
// selection ("g.trace") while it runs. Of those, a scatter's markers are left out too: its plotter has just
// given each point the same style (Drawing.singlePointStyle per point, as style's pointStyle does), unless
// the trace has selected points, whose dimming only style applies.
function styleRedrawnOnly(module) {
  if (!module || typeof module.style !== "function" || module.__stylesRedrawnOnly) return;
  const style = module.style;
  module.style = function (graph, ...rest) {
    if (!graph || !graph.__redrawOnly || rest.length) return style.call(this, graph, ...rest);
    const hidden = [];
    const styled = [];
    for (const [subplot, info] of Object.entries((graph._fullLayout && graph._fullLayout._plots) || {})) {
      const node = info.plot && info.plot.node && info.plot.node();
      if (!node) continue;
      if (graph.__redrawOnly.has(subplot)) {
        if (module.name !== "scatter") continue;
        for (const points of node.querySelectorAll("g.trace.scatter > g.points")) {
          const cd = points.parentNode.__data__;
          const trace = cd && cd[0] && cd[0].trace;
          if (!trace || trace.selectedpoints) continue;
          points.classList.remove("points");
          styled.push(points);
        }
        continue;
      }
      for (const group of node.querySelectorAll("g.trace")) {
        group.classList.remove("trace");
        hidden.push(group);
      }
    }
    try {
      return style.call(this, graph, ...rest);
    } finally {
      for (const group of hidden) group.classList.add("trace");
      for (const points of styled) points.classList.add("points");
    }
  };
  module.__stylesRedrawnOnly = true;
}

function keepStaticLayers(gd) {
  for (const trace of gd._fullData || []) {
    styleRedrawnOnly(trace._module);
    const base = trace._module && trace._module.basePlotModule;
    if (!base || base.name !== "cartesian" || base.__keepsStaticLayers) continue;
    const plot = base.plot;
    base.plot = function (graph, traces, transitionOpts, onComplete) {
      let plain = false;
      if (!Array.isArray(traces) && graph.__redrawOnly) {
        // A relayout of some axes' ranges (move): redraw only the subplots on those axes.
        traces = graph._fullData.filter((t) => graph.__redrawOnly.has(t.xaxis + t.yaxis)).map((t) => t.index);
      } else {
        if (transitionOpts) [traces, plain] = framedDraw(graph, traces, base);
        // The subplots a move's relayout draws again on their new axes, known once the new data's extremes are.
        if (typeof graph.__drawnLater === "function") graph.__drawnLater = graph.__drawnLater();
        if (transitionOpts && graph.__drawnLater && Array.isArray(traces)) {
          // A move whose relayout draws these subplots again on their new axes: their traces are drawn there, once.
          traces = traces.filter((i) => !graph.__drawnLater.has(graph._fullData[i].xaxis + graph._fullData[i].yaxis));
          if (!traces.length) return undefined;
        }
        if (plain) transitionOpts = undefined;
        else if (!Array.isArray(traces) || !transitionOpts) return plot.call(this, graph, traces, transitionOpts, onComplete);
      }
      const wanted = new Set(traces);
      const animated = new Set(); // "<subplot> <layer class>" of every animated trace
      for (const t of graph._fullData) {
        if (wanted.has(t.index) && t._module) animated.add(t.xaxis + t.yaxis + " " + layerOf(t));
      }
      const hidden = [];
      for (const [subplot, info] of Object.entries(graph._fullLayout._plots || {})) {
        const node = info.plot && info.plot.node && info.plot.node();
        if (!node) continue;
        for (const layer of node.children) {
          if (!layer.classList.contains("mlayer")) continue;
          const name = [...layer.classList].find((c) => c.endsWith("layer") && c !== "mlayer");
          if (animated.has(subplot + " " + name)) continue;
          layer.classList.remove("mlayer");
          hidden.push(layer);
        }
      }
      try {
        const result = plot.call(this, graph, traces, transitionOpts, onComplete);
        // plotly.js colours bars after its plotter has drawn them (its redraw styles every trace): do that here.
        const bars = plain && traces.map((i) => graph._fullData[i]).find((t) => t.type === "bar" && t._module.style);
        if (bars) bars._module.style(graph);
        return result;
      } finally {
        for (const layer of hidden) layer.classList.add("mlayer");
      }
    };
    base.__keepsStaticLayers = true;
  }
}

// Heatmaps smoothed "best" (the dropout maps, the logistic map and its hidden units) drawn without
// plotly.js's per-pixel loop. plotly.js computes every pixel of the plot area through closures: the
// bilinear value, then the colour scale (a d3 scale that allocates an array per call), 8-11 ms of a
// 20-30 ms scrub frame. The picture depends on the trace's grid, its colour scale and the pixel box,
// so for a plain grid (centres given, every value a number, linear axes, no text, no colour axis) the
// same pixels are computed here in one tight loop over typed arrays: plotly's own pixel box, its
// nearest-centre interpolation (CAe), its bilinear formula, d3's clamped piecewise-linear colour scale
// and its rounding. plotly.js still builds the element (its quick "fast" path, one pixel per cell, for the
// trace groups and the image it binds), and the image then gets these pixels. Anything else is
// plotly's. `window.__dlNativeHeatmaps = true` draws everything natively (tests compare the two).
const ROUNDING = 1e-9; // plotly.js Lib.findBin's nudge

function findBin(value, bins) {
  const n = bins.length;
  const size = n > 1 ? (bins[n - 1] - bins[0]) / (n - 1) : 1;
  const v = value + size * ROUNDING * (size >= 0 ? 1 : -1);
  let lo = 0;
  let hi = n;
  for (let c = 0; lo < hi && c < 100; c++) {
    const mid = Math.floor((lo + hi) / 2);
    if (size >= 0 ? bins[mid] <= v : bins[mid] > v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// plotly.js heatmap findInterp for cell centres: the nearer centre (bin0), the other (bin1), the weight.
function centreInterp(pixels, centres) {
  const last = centres.length - 1;
  const bin0 = new Int32Array(pixels);
  const bin1 = new Int32Array(pixels);
  const frac = new Float64Array(pixels);
  for (let p = 0; p < pixels; p++) {
    const i = Math.min(Math.max(findBin(p, centres), 0), last);
    const f = (p - centres[i]) / (centres[i + 1] - centres[i]) || 0;
    if (f <= 0) [bin0[p], bin1[p], frac[p]] = [i, i, 0];
    else if (f < 0.5) [bin0[p], bin1[p], frac[p]] = [i, i + 1, f];
    else [bin0[p], bin1[p], frac[p]] = [i + 1, i, 1 - f];
  }
  return { bin0, bin1, frac };
}

let colourProbe = null;

// [r, g, b, a] of a CSS colour as plotly.js reads it, where that is exact here: rgb()/rgba() as written, and
// names and hex as the canvas normalises them (to #rrggbb: integer channels, opaque). Anything else (hsl(),
// a name the canvas does not know) is null and the trace stays plotly's: the canvas rounds what plotly keeps.
const RGB_TEXT = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i;

function rgba(colour) {
  const text = String(colour).trim();
  const written = text.match(RGB_TEXT);
  if (written) {
    const [r, g, b] = written.slice(1, 4).map(Number);
    const a = written[4] === undefined ? 1 : Number(written[4]);
    return [r, g, b].every((v) => v >= 0 && v <= 255) && a >= 0 && a <= 1 ? [r, g, b, a] : null;
  }
  colourProbe = colourProbe || document.createElement("canvas").getContext("2d");
  colourProbe.fillStyle = "#010203";
  colourProbe.fillStyle = text;
  const normal = colourProbe.fillStyle;
  if (normal[0] !== "#" || (normal === "#010203" && text.toLowerCase() !== "#010203")) return null;
  return [1, 3, 5].map((i) => parseInt(normal.slice(i, i + 2), 16)).concat([1]);
}

// The trace's colour scale as plotly.js builds it (Colorscale.extractScale + makeColorScaleFunc).
function colourScale(trace) {
  const stops = trace.reversescale ? trace.colorscale.map(([at, c]) => [1 - at, c]).reverse() : trace.colorscale;
  const { zmin, zmax } = trace;
  if (!Array.isArray(stops) || stops.length < 2 || !Number.isFinite(zmin) || !Number.isFinite(zmax)) return null;
  const domain = stops.map(([at]) => zmin + at * (zmax - zmin));
  const range = stops.map(([, c]) => rgba(c));
  if (range.some((c) => !c) || domain.some((d, i) => i && d < domain[i - 1])) return null;
  return { domain, range };
}

// The grid plotly.js smooths for a trace, and the coordinates its pixel box spans: a heatmap's cell centres and
// its outer cell edges; a contour map's points, which are both (plotly.js takes the box from them before it
// turns to xfill/yfill). plotly.js draws a contour map's heatmap colouring "best".
function gridOf(cd) {
  const c = cd[0];
  const trace = c.trace;
  if (trace.type === "heatmap") {
    if (trace.zsmooth !== "best" || trace.texttemplate) return null;
    return { xc: c.xCenter, yc: c.yCenter, xe: c.x, ye: c.y, z: c.z };
  }
  if (trace.type === "contour") {
    const contours = trace.contours || {};
    if (contours.coloring !== "heatmap" || contours.type === "constraint") return null;
    return { xc: c.x, yc: c.y, xe: c.x, ye: c.y, z: c.z };
  }
  return null;
}

function smoothable(plotinfo, cd) {
  const trace = cd[0].trace;
  const grid = gridOf(cd);
  if (!grid || trace._colorAx || plotinfo.xaxis.type !== "linear" || plotinfo.yaxis.type !== "linear") return false;
  const { xc, yc, xe, ye, z } = grid;
  if (!xc || !yc || !xe || !ye || !z || z.length !== yc.length || xe.length < 2 || ye.length < 2) return false;
  const cols = xc.length;
  for (const row of z) {
    if (!row || row.length !== cols) return false;
    for (let k = 0; k < cols; k++) if (typeof row[k] !== "number" || !Number.isFinite(row[k])) return false;
  }
  return colourScale(trace) !== null; // a colour the canvas cannot read stays plotly's
}

function smoothPixels(plotinfo, cd) {
  const c = cd[0];
  const scale = colourScale(c.trace);
  const { xc, yc, xe, ye, z } = gridOf(cd);
  const xa = plotinfo.xaxis;
  const ya = plotinfo.yaxis;
  // plotly's pixel box: the outer cell edges, clipped to the plot area
  let left = xa.c2p(xe[0]);
  let right = xa.c2p(xe[xe.length - 1]);
  let top = ya.c2p(ye[0]);
  let bottom = ya.c2p(ye[ye.length - 1]);
  if (right < left) [left, right] = [right, left];
  if (bottom < top) [top, bottom] = [bottom, top];
  left = Math.max(0, left);
  right = Math.min(xa._length, right);
  top = Math.max(0, top);
  bottom = Math.min(ya._length, bottom);
  const width = Math.round(right - left);
  const height = Math.round(bottom - top);
  if (left >= xa._length || right <= 0 || top >= ya._length || bottom <= 0) return null;
  // under half a pixel (or no number): what plotly's empty canvas gives, "data:,", not "" (the page's own URL)
  if (!(width > 0 && height > 0)) return { x: left, y: top, width: 0, height: 0, href: "data:," };
  const xs = centreInterp(width, Array.from(xc, (v) => Math.round(xa.c2p(v) - left)));
  const ys = centreInterp(height, Array.from(yc, (v) => Math.round(ya.c2p(v) - top)));
  // the grid as one typed array, the scale's segments as flat arrays: monomorphic loads in the loop
  const cols = xc.length;
  const grid = new Float64Array(z.length * cols);
  z.forEach((row, k) => grid.set(row, k * cols));
  const { domain, range } = scale;
  const segments = domain.length - 1;
  const lower = new Float64Array(domain);
  // d3 v3's clamped polylinear scale per segment: (v - d0) / span, clamped, then a·(1 − t) + b·t
  const span = new Float64Array(segments).map((_, j) => domain[j + 1] - domain[j] || 1 / (domain[j + 1] - domain[j]));
  const from = new Float64Array(range.flat());
  const bin0 = xs.bin0;
  const bin1 = xs.bin1;
  const fracX = xs.frac;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(pixels.buffer); // one store per pixel, RGBA in memory order (little-endian)
  const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  let out = 0;
  for (let row = 0; row < height; row++) {
    const r0 = ys.bin0[row] * cols;
    const r1 = ys.bin1[row] * cols;
    const fy = ys.frac[row];
    for (let col = 0; col < width; col++, out++) {
      const b0 = bin0[col];
      const b1 = bin1[col];
      const fx = fracX[col];
      const mo = grid[r0 + b0];
      const right = grid[r0 + b1];
      const below = grid[r1 + b0];
      const v = mo + fx * (right - mo || 0) + fy * ((below - mo || 0) + fx * (grid[r1 + b1] + mo - right - below));
      let j = 0; // d3.bisect(domain, v, 1, segments) - 1
      while (j < segments - 1 && !(v < lower[j + 1])) j++;
      let t = (v - lower[j]) / span[j];
      t = t > 1 ? 1 : t > 0 ? t : 0; // Math.max(0, Math.min(1, t)) for the finite values smoothable lets through
      const a = 4 * j;
      const u = 1 - t;
      const r = Math.round(from[a] * u + from[a + 4] * t) & 255;
      const g = Math.round(from[a + 1] * u + from[a + 5] * t) & 255;
      const b = Math.round(from[a + 2] * u + from[a + 6] * t) & 255;
      const o = Math.round((from[a + 3] * u + from[a + 7] * t) * 255) & 255;
      words[out] = little ? ((o << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | o) >>> 0;
    }
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d", { willReadFrequently: true }).putImageData(new ImageData(pixels, width, height), 0, 0); // as plotly's
  return { x: left, y: top, width, height, href: canvas.toDataURL("image/png") };
}

// A contour map coloured as a heatmap: plotly.js draws its lines and labels with coloring "none" (the same
// lines: only "lines" colours them by level), and the colouring image is drawn here in its group, as plotly.js
// builds it (g.hm holding one image bound to the calc data; the trace's node3 then points at g.hm).
function drawContourColouring(cd, drawn) {
  const group = cd[0].node3 && cd[0].node3.selectAll("g.heatmapcoloring");
  if (!group || group.empty()) return false;
  const hm = group.selectAll("g.hm").data(drawn ? [cd] : [], (c) => c[0].trace.uid);
  hm.exit().remove();
  hm.enter().append("g").attr("class", "hm");
  if (!drawn) return true;
  const image = hm.selectAll("image").data(cd);
  image.enter().append("svg:image").attr({ xmlns: "http://www.w3.org/2000/svg", preserveAspectRatio: "none" });
  image.attr({ x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height, "xlink:href": drawn.href });
  cd[0].node3 = hm;
  return true;
}

// plotly's own drawing: asked for (tests compare), or in a range slider's copy of the plot (its traces keep
// their nodes under nodeRangePlot3, which this does not follow).
function nativeLayer(layer) {
  return window.__dlNativeHeatmaps || !!(layer && typeof layer.classed === "function" && layer.classed("rangeplot"));
}

function fastSmoothContours(module) {
  const plot = module.plot;
  module.plot = function (graph, plotinfo, cdcontours, ...rest) {
    const smooth = nativeLayer(rest[0]) ? [] : (cdcontours || []).filter((cd) => smoothable(plotinfo, cd));
    if (!smooth.length) return plot.call(this, graph, plotinfo, cdcontours, ...rest);
    smooth.forEach((cd) => (cd[0].trace.contours.coloring = "none"));
    let result;
    try {
      result = plot.call(this, graph, plotinfo, cdcontours, ...rest);
    } finally {
      smooth.forEach((cd) => (cd[0].trace.contours.coloring = "heatmap"));
    }
    for (const cd of smooth) {
      if (drawContourColouring(cd, smoothPixels(plotinfo, cd))) {
        graph.__smoothHeatmaps = (graph.__smoothHeatmaps || 0) + 1; // tests read it
      }
    }
    return result;
  };
  module.__fastSmooth = true;
}

function fastSmoothHeatmaps(gd) {
  for (const trace of gd._fullData || []) {
    const module = trace._module;
    if (!module || module.__fastSmooth || typeof module.plot !== "function") continue;
    if (module.name === "contour") fastSmoothContours(module);
    if (module.name !== "heatmap") continue;
    const plot = module.plot;
    module.plot = function (graph, plotinfo, cdheatmaps, ...rest) {
      const smooth = nativeLayer(rest[0]) ? [] : (cdheatmaps || []).filter((cd) => smoothable(plotinfo, cd));
      if (!smooth.length) return plot.call(this, graph, plotinfo, cdheatmaps, ...rest);
      // plotly's "fast" path tallies pixels and luminosity (the zoom box's colour) where "best" does not: undone
      // when every heatmap of the call is smoothed here (another one's tally is plotly's to keep)
      const counts = smooth.length === cdheatmaps.length ? [graph._hmpixcount, graph._hmlumcount] : null;
      smooth.forEach((cd) => (cd[0].trace.zsmooth = "fast"));
      let result;
      try {
        result = plot.call(this, graph, plotinfo, cdheatmaps, ...rest);
      } finally {
        smooth.forEach((cd) => (cd[0].trace.zsmooth = "best"));
        if (counts) [graph._hmpixcount, graph._hmlumcount] = counts;
      }
      for (const cd of smooth) {
        const image = cd[0].node3 && cd[0].node3.selectAll("image"); // not select(): it would rebind the data
        if (!image || image.empty()) continue; // out of view: plotly removed it
        const drawn = smoothPixels(plotinfo, cd);
        if (!drawn) continue;
        image.attr({ x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height, "xlink:href": drawn.href });
        graph.__smoothHeatmaps = (graph.__smoothHeatmaps || 0) + 1; // tests read it
      }
      return result;
    };
    module.__fastSmooth = true;
  }
}

// Presenter view: text readable from the back of a lecture hall (ticks 16 px, axis titles 18 px,
// titles 22 px), with margins that grow to fit it.
function atLeast(font, size) {
  return Object.assign({}, font || {}, { size: Math.max((font && font.size) || 0, size) });
}

function titled(title) {
  return typeof title === "string" ? { text: title } : title;
}

function enlargeText(layout) {
  layout.font = atLeast(layout.font, 16);
  const axes = [layout, layout.scene || {}];
  for (const holder of axes) {
    for (const name of Object.keys(holder)) {
      if (!/^[xyz]axis\d*$/.test(name)) continue;
      const axis = holder[name];
      axis.tickfont = atLeast(axis.tickfont, 16);
      if (axis.title) {
        axis.title = titled(axis.title);
        axis.title.font = atLeast(axis.title.font, 18);
      }
      if (holder === layout) axis.automargin = true;
    }
  }
  if (layout.title) {
    layout.title = titled(layout.title);
    layout.title.font = atLeast(layout.title.font, 22);
  }
  for (const note of layout.annotations || []) note.font = atLeast(note.font, 16);
  if (layout.legend) layout.legend.font = atLeast(layout.legend.font, 16);
  for (const slider of layout.sliders || []) {
    slider.font = atLeast(slider.font, 16);
    if (slider.currentvalue) slider.currentvalue.font = atLeast(slider.currentvalue.font, 18);
  }
  for (const menu of layout.updatemenus || []) menu.font = atLeast(menu.font, 16);
}

// A frame drawn without a redraw (redraw: false) moves its traces, but plotly.js leaves the title as it
// was: a frame that names its step in the title (MLE: "Step 40: log L = ...") showed the last step's
// title while the student had scrubbed to another. Set it. A plain one-line title (no markup, as all of
// ours are) is a single SVG text node: its text is replaced in place (~0.1 ms). Anything else is drawn
// by a relayout of the title, in which plotly.js recomputes the whole figure's defaults (~13 ms on the
// logistic map, a quarter of its frame).
const MARKUP = /[<>&$\n]/;

function showFrameTitle(Plotly, gd, event) {
  const frame = event && event.frame;
  const title = frame && frame.layout && frame.layout.title;
  const options = event && event.animation && event.animation.frame;
  if (!title || (options && options.redraw)) return; // a redraw draws it
  const text = typeof title === "string" ? title : title.text;
  if (text === undefined || text === (gd._fullLayout.title || {}).text) return;
  if (!setTitleText(gd, text)) Plotly.relayout(gd, { "title.text": text });
}

// A new plain title text written into the drawn SVG text node (and the layout a later redraw reads): a
// relayout of "title.text" recomputes the whole figure's defaults, 12-13 ms on the logistic map, for a
// frame and after a move alike. Returns false where the title has markup or none is drawn: a relayout
// draws those.
function setTitleText(gd, text) {
  const node = gd.querySelector(".infolayer .g-gtitle > text.gtitle");
  const shown = node && node.getAttribute("data-unformatted");
  if (!node || node.children.length || !shown || !text || MARKUP.test(shown) || MARKUP.test(text)) return false;
  node.textContent = text;
  node.setAttribute("data-unformatted", text);
  gd.layout.title = Object.assign({}, titled(gd.layout.title), { text }); // what a later redraw draws
  gd._fullLayout.title.text = text;
  return true;
}

// A frame that only gives some traces new arrays (the usual scrub and Play frame, and most moves) spends a
// third of its time in plotly.js recomputing the defaults of the whole figure (every trace, axis, slider
// step and legend: 8-10 ms on /logistic-regression, /dropout, /representation), which hold nothing new
// but those arrays. Put the arrays where those defaults would (the trace's full data, decoded as plotly.js
// decodes them), and ask plotly.js to skip the recomputation once (its own _skipDefaults flag, which the
// next Plots.supplyDefaults consumes): that call is the frame's own, in the same task, right after this
// event. Anything else in a frame (a style, a name, an axis, markup in the title, a heatmap of another
// shape) keeps plotly.js's full path. The e2e scrub tests compare such frames with the same frame drawn
// afresh.
const DTYPES = {
  f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array, i2: Int16Array, u2: Uint16Array,
  i1: Int8Array, u1: Uint8Array, u1c: Uint8ClampedArray,
}; // fmt: plotly.js's names for the dtypes it decodes

function isSpec(value) {
  return isPlain(value) && typeof value.dtype === "string" && "bdata" in value;
}

// plotly.js's decodeTypedArraySpec for one or two dimensions: a typed array, or an array of typed rows.
function decodeSpec(spec) {
  const Type = DTYPES[spec.dtype];
  if (!Type || typeof spec.bdata !== "string") return undefined;
  const text = atob(spec.bdata);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const shape = spec.shape === undefined ? [bytes.byteLength / Type.BYTES_PER_ELEMENT] : String(spec.shape).split(",").map(Number);
  let decoded;
  if (shape.length === 1) decoded = new Type(bytes.buffer);
  else if (shape.length === 2) {
    const [rows, cols] = shape;
    decoded = [];
    for (let r = 0; r < rows; r++) decoded.push(new Type(bytes.buffer, r * cols * Type.BYTES_PER_ELEMENT, cols));
  } else return undefined;
  decoded.bdata = spec.bdata;
  decoded.dtype = spec.dtype;
  decoded.shape = shape.join(",");
  return decoded;
}

// [path, value] of every array in a trace's frame data; null when it holds anything but arrays (and the
// trace's own type, which plotly.py writes into every frame).
function arrayLeaves(node, prefix, out, type) {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix + key;
    if (path === "type" && value === type) continue;
    if (isArrayLike(value) || isSpec(value)) out.push([path, value]);
    else if (isPlain(value)) {
      if (!arrayLeaves(value, path + ".", out, type)) return null;
    } else return null;
  }
  return out;
}

function sameShape(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const rowA = isArrayLike(a[i]);
    if (rowA !== isArrayLike(b[i]) || (rowA && a[i].length !== b[i].length)) return false;
  }
  return true;
}

const AXIS = /^[xy]axis[0-9]*$/;
// A scatter's arrays that may change length with its path: its length is min(x, y) (plotly.js's xy defaults).
const RESIZABLE = new Set(["x", "y", "text", "textposition", "hovertext", "customdata"]);

function quickFrame(gd, event) {
  const frame = event && event.frame;
  const options = event && event.animation && event.animation.frame;
  const full = gd._fullLayout;
  if (!frame || !Array.isArray(frame.data) || (options && options.redraw) || !full || !gd._fullData) return false;
  const layout = frame.layout || {};
  // An axis range is not among the defaults a transition recomputes: plotly.js moves the axis itself.
  const range = (key) => AXIS.test(key) && isPlain(layout[key]) && Object.keys(layout[key]).every((k) => k === "range");
  if (Object.keys(layout).some((key) => key !== "title" && !range(key))) return false;
  if (layout.title !== undefined) {
    const text = typeof layout.title === "string" ? layout.title : (layout.title || {}).text;
    if (Object.keys(titled(layout.title)).some((key) => key !== "text") || (full.title || {}).text !== text) return false;
  }
  const indices = frame.traces || frame.data.map((_, i) => i);
  const edits = [];
  const resized = new Set();
  for (let f = 0; f < frame.data.length; f++) {
    const trace = gd._fullData[indices[f]];
    const leaves = trace && trace._module && isPlain(frame.data[f]) ? arrayLeaves(frame.data[f], "", [], trace.type) : null;
    // A scatter with no points is hidden by its defaults (visible: false) and shown again only by them:
    // /relu's spare hinge traces, empty until a move gives them points.
    if (!leaves || trace.visible !== true) return false;
    for (const [path, value] of leaves) {
      const names = path.split(".");
      let holder = trace;
      for (const name of names.slice(0, -1)) holder = isPlain(holder) ? holder[name] : undefined;
      const last = names[names.length - 1];
      const old = isPlain(holder) ? holder[last] : undefined;
      const array = isSpec(value) ? decodeSpec(value) : value;
      if (!array || !isArrayLike(old)) return false;
      if (!sameShape(old, array)) {
        // A scatter's path may grow or shrink if its mode is given (plotly.js picks a default mode by length)
        // and it has x and y arrays (after the edits too: only arrays replace arrays here).
        const mode = (gd.data[trace.index] || {}).mode;
        const xy = isArrayLike(trace.x) && isArrayLike(trace.y);
        if (trace.type !== "scatter" || mode === undefined || !xy || holder !== trace || !RESIZABLE.has(last)) return false;
        if (!array.length) return false; // no points left: hidden by the defaults, as above
        resized.add(trace);
      }
      edits.push([holder, last, array, value]);
    }
  }
  for (const [holder, name, array, value] of edits) {
    holder[name] = array;
    // As plotly.js's own decoding marks the spec it read: the trace's data (which plotly.js extends with
    // this spec) must not keep the array it had before.
    if (value !== array) value._inputArray = array;
  }
  for (const trace of resized) trace._length = Math.min(trace.x.length, trace.y.length);
  full._skipDefaults = true;
  return true;
}

function clickedPoints(event) {
  return (event.points || []).map((p) => ({
    curve_number: p.curveNumber,
    point_number: p.pointNumber,
    x: p.x,
    y: p.y,
  }));
}

async function stopAnimation(Plotly, gd) {
  // A frame landing after the update would draw old data.
  if (gd._transitionData && gd._transitionData._frameQueue && gd._transitionData._frameQueue.length) {
    await Plotly.animate(gd, [], { mode: "immediate", frame: { duration: 0 }, transition: { duration: 0 } });
  }
}

// The arrays of a moved trace's new data when everything else in it is as the trace on screen has it (null
// otherwise). plotly.js extends the trace with what a frame gives, so those arrays alone draw the same
// trace, and a frame of arrays alone takes quickFrame's path: the whole trace as sent never did (its name,
// mode and colours are not arrays), so every move recomputed the whole figure's defaults (10-16 ms).
function arraysOnly(old, next) {
  if (!isPlain(old) || !isPlain(next)) return null;
  const out = {};
  for (const [key, value] of Object.entries(next)) {
    if (isArrayLike(value) || isSpec(value)) out[key] = value;
    else if (isPlain(value)) {
      const inner = arraysOnly(old[key], value);
      if (!inner) return null;
      if (Object.keys(inner).length) out[key] = inner;
    } else if (!Object.prototype.hasOwnProperty.call(old, key) || old[key] !== value) return null;
  }
  return out;
}

// Plotly.animate(gd, frame) without waiting for the animation loop's next tick. plotly.js draws the frame at
// once and ends its transition (of no duration) a timeout later ("plotly_transitioned"), but resolves the
// animation only on the loop's next requestAnimationFrame: awaited, a move idled up to a frame (16 ms) with
// the traces moved and the axes not yet, and the browser painted that half-done state before the axes'
// relayout was painted a frame later. The loop still ends on its own at that tick.
function drawnFrame(Plotly, gd, frame) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error) => {
      if (settled) return;
      settled = true;
      gd.removeListener("plotly_transitioned", onTransitioned);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onTransitioned = () => settle();
    gd.on("plotly_transitioned", onTransitioned);
    Plotly.animate(gd, frame, { mode: "immediate", frame: { duration: 0, redraw: false }, transition: { duration: 0 } })
      .then(() => settle(), (error) => settle(error || new Error("animation interrupted")));
  });
}

// Only data changed (ui/figcache.py moving_parts): same layout but for the axes, the title's text and
// the slider's steps, same trace types, and every static trace either as on screen or a scatter whose
// data alone changed (its form is the same). Returns the static traces to move with the animated ones,
// or null.
function movable(gd, data, figure) {
  const moving = data.moving;
  if (!moving || gd.__revision === undefined || gd.__shape !== moving.shape + (data.present ? "-present" : "")) {
    return null;
  }
  const moved = [];
  for (const [index, hash] of data.static || []) {
    if (gd.__static && gd.__static.has(hash)) continue;
    const form = (moving.forms || {})[index];
    if (form === undefined || !gd.__forms || gd.__forms[index] !== form) return null;
    moved.push(index);
  }
  if (!fillsMoveTogether(gd, moving.animated.concat(moved))) return null;
  return redrawsAll(gd, axisChanges(gd, figure, moving, moving.animated.concat(moved))) ? null : moved;
}

// A band filled to the trace before it ("tonexty") is drawn by plotly.js from both traces of the pair, and
// only when both are drawn in the same pass (it links the traces it is given): a move must carry the pair
// together, or neither (the /dropout loss bands follow the data with their curves).
function fillsMoveTogether(gd, traces) {
  const moving = new Set(traces);
  const tonext = (trace) => !!trace && /^tonext/.test(trace.fill || "");
  return traces.every((index) => {
    const trace = gd._fullData[index];
    if (!trace) return true;
    if (tonext(trace) && !(trace._prevtrace && moving.has(trace._prevtrace.index))) return false;
    return !(trace._nexttrace && tonext(trace._nexttrace) && !moving.has(trace._nexttrace.index));
  });
}

// What a move sets on the axes after moving ``traces``: autorange where no range is sent, and every axis
// setting sent that differs from the one shown.
// A value as the figure sent it: plotly.js marks a typed-array spec it has decoded with the array
// (_inputArray), which is not part of what was sent (/learning-rate's η_k ticks compared as changed on every
// move, and their relayout drew every axis again).
function sentText(value) {
  return JSON.stringify(value, (key, v) => (key === "_inputArray" ? undefined : v));
}

function axisChanges(gd, figure, moving, traces) {
  const changed = {};
  // An axis without a set range autoranges again to the data just moved onto it, as a fresh load does.
  for (const i of traces) {
    const trace = gd._fullData[i];
    for (const id of trace ? [trace.xaxis, trace.yaxis] : []) {
      const axis = axisName(id);
      const set = figure.layout[axis] || {};
      if (!set.range || set.autorange === true) changed[`${axis}.autorange`] = set.autorange || true;
    }
  }
  // Axes tied by scaleanchor: Plotly rewrites their ranges (constrain: range) or domains (constrain:
  // domain) in gd.layout to keep the aspect ratio, so those are compared with the ones last sent, and
  // a new range on one of them is sent with the ranges of the whole group, as a fresh load applies them.
  const groups = (gd._fullLayout._axisConstraintGroups || []).map((group) => Object.keys(group).map(axisName));
  const tied = new Set(groups.flat());
  for (const axis of moving.axes) {
    const now = gd.layout[axis] || {};
    const sent = (gd.__sentAxes || {})[axis] || {};
    for (const [key, value] of Object.entries(figure.layout[axis] || {})) {
      const rewritten = key === "domain" || (key === "range" && tied.has(axis));
      const shown = rewritten ? sent[key] : now[key];
      if (sentText(shown) !== sentText(value)) changed[`${axis}.${key}`] = value;
    }
  }
  for (const group of groups) {
    if (!group.some((axis) => `${axis}.range` in changed)) continue;
    for (const axis of group) {
      const range = (figure.layout[axis] || {}).range;
      if (range) changed[`${axis}.range`] = range;
    }
  }
  return changed;
}

// A new range sent for axes tied by scaleanchor makes plotly.js compute and draw the whole figure again
// (its relayout marks them for calc): a move would draw the moved traces, then everything once more (the
// logistic map, whose box follows the data: 50 + 92 ms), where a react draws everything once (108 ms).
// Tied axes that autorange again (the digits images) stay cheaper to move (A/B: 462 vs 532 ms a change).
function redrawsAll(gd, changed) {
  const tied = new Set((gd._fullLayout._axisConstraintGroups || []).flatMap((group) => Object.keys(group).map(axisName)));
  return Object.keys(changed).some((key) => key.endsWith(".range") && tied.has(key.split(".")[0]));
}

// The colour bars of moved traces as drawn: a heatmap's or contour map's own bar (ui/figcache.py _movable: no
// shared colour axis), by its computed range and the ticks sent. plotly.js draws colour bars with the whole
// figure only, so a move leaves them as they were; those whose range or ticks changed are drawn again with
// one restyle of their colour bar (edit type "colorbars": the bars alone), not a react of the figure.
function colourBars(gd, traces) {
  const shown = traces.filter((i) => {
    const trace = gd._fullData[i];
    return trace && (trace.type === "heatmap" || trace.type === "contour") && trace.showscale && !trace.coloraxis;
  });
  return new Map(shown.map((i) => {
    const trace = gd._fullData[i];
    const bar = (gd.data[i] || {}).colorbar || {};
    return [i, sentText([trace.zmin, trace.zmax, trace.zmid, bar.tickvals, bar.ticktext])];
  }));
}

async function redrawColourBars(Plotly, gd, before) {
  const after = colourBars(gd, [...before.keys()]);
  const stale = [...before.keys()].filter((i) => after.get(i) !== before.get(i));
  if (stale.length) await Plotly.restyle(gd, { colorbar: stale.map((i) => gd.data[i].colorbar || {}) }, stale);
}

function frameNames(gd) {
  return ((gd._transitionData && gd._transitionData._frames) || []).map((f) => f.name);
}

// Update in place as a scrub does: swap the frames, move the animated traces (and the static ones in
// ``moved``) to the new figure's data without a redraw, then set what changed on the axes and sliders.
async function move(Plotly, gd, figure, moving, moved) {
  await stopAnimation(Plotly, gd);
  const names = frameNames(gd);
  const next = (figure.frames || []).map((f) => f.name);
  if (names.length !== next.length || names.some((name, i) => name !== next[i])) {
    // Another number of frames. One index per call, last first: Plotly.deleteFrames sorts a list of
    // indices as text, so with more than ten frames it would delete the wrong ones.
    for (let i = names.length - 1; i >= 0; i--) await Plotly.deleteFrames(gd, [i]);
  }
  if (next.length) await Plotly.addFrames(gd, figure.frames); // same names: each frame replaces its namesake
  const traces = moving.animated.concat(moved);
  const changed = axisChanges(gd, figure, moving, traces);
  if (traces.length) {
    gd.__moving = traces;
    const kept = keptAutoranges(gd, changed);
    gd.__drawnLater = () => {
      kept().forEach((key) => delete changed[key]);
      return rerangedSubplots(gd, changed);
    };
    const bars = colourBars(gd, traces);
    try {
      const data = traces.map((i) => arraysOnly(gd.data[i], figure.data[i]) || figure.data[i]);
      await drawnFrame(Plotly, gd, { data, traces });
    } finally {
      gd.__moving = gd.__drawnLater = undefined;
    }
    if (bars.size) await redrawColourBars(Plotly, gd, bars);
  }
  const title = (figure.layout.title || {}).text || "";
  if (((gd.layout.title || {}).text || "") !== title && !setTitleText(gd, title)) changed["title.text"] = title;
  (figure.layout.sliders || []).forEach((slider, i) => {
    const shown = gd.layout.sliders && gd.layout.sliders[i];
    if (!shown) return;
    if (JSON.stringify(shown.steps) !== JSON.stringify(slider.steps)) changed[`sliders[${i}].steps`] = slider.steps;
    if (shown.active !== slider.active) changed[`sliders[${i}].active`] = slider.active;
  });
  const titled = [...new Set(Object.keys(changed).map((key) => key.split(".")[0]))].filter(
    (axis) => AXIS_NAME.test(axis) && gd._fullLayout[axis] && (((gd.layout[axis] || {}).title || {}).text || ""),
  );
  const depths = titled.map((axis) => gd._fullLayout[axis]._depth);
  const placed = titled.map((axis) => titlePlace(gd, axis));
  await relayoutOnly(Plotly, gd, changed);
  // A relayout of ranges alone leaves the axis titles where they were (plotly.js draws them so for zooms): a
  // title stayed where labels of another width had put it (/relu's "count", 8 px off after 9 units -> 8).
  // Where the labels' depth changed, a title is moved by as much, unless plotly.js drew it again itself (a
  // margin pushed by the labels redraws the figure: moved again, /relu's MSE title landed in its plot) or
  // the labels came or went (plotly.js places a title differently with none): then it is drawn again.
  const stale = titled.filter((axis, i) => {
    const before = depths[i];
    const after = gd._fullLayout[axis]._depth;
    if (!Number.isFinite(after - before) || Math.abs(after - before) <= 1e-6) return false;
    if (titlePlace(gd, axis) !== placed[i]) return false; // drawn again by plotly.js for the new labels
    return !(before > 0 && after > 0 && moveTitle(gd, axis, after - before));
  });
  if (stale.length) await Plotly.relayout(gd, Object.fromEntries(stale.map((a) => [`${a}.title.text`, gd.layout[a].title.text])));
}

// Where an axis title is drawn: its text's x (a y axis) or y (an x axis) attribute, or null.
function titlePlace(gd, axis) {
  const ax = gd._fullLayout[axis];
  const text = ax && gd.querySelector(`.infolayer .g-${ax._id}title text.${ax._id}title`);
  return text ? text.getAttribute(ax._id.charAt(0) === "y" ? "x" : "y") : null;
}

const TITLE_ROTATION = /^rotate\(-90,\s*[-\d.e+]+,\s*[-\d.e+]+\)$/;

// Move an axis title as plotly.js places it when its labels' depth changes by ``delta``. plotly.js puts a
// title with a standoff (its default template gives every axis one) the standoff beyond the labels' depth
// (ax._depth, just measured by the relayout) from the axis line, whatever else is on the plot, so a
// deeper label column moves it away by as much (with labels before and after the change: move() checks).
// False for any other title (no standoff, labels inside, a multicategory axis, typeset maths, one shifted
// to avoid the labels): plotly.js draws those again.
function moveTitle(gd, axis, delta) {
  const ax = gd._fullLayout[axis];
  if (!ax || !ax.title || !Object.prototype.hasOwnProperty.call(ax.title, "standoff")) return false;
  if (ax.type === "multicategory" || String(ax.ticklabelposition || "").includes("inside")) return false;
  const group = gd.querySelector(`.infolayer .g-${ax._id}title`);
  const text = group && group.querySelector(`text.${ax._id}title`);
  if (!text || group.getAttribute("transform") || text.getAttribute("data-math") === "Y") return false;
  const vertical = ax._id.charAt(0) === "y";
  const away = vertical ? (ax.side === "right" ? 1 : -1) : ax.side === "top" ? -1 : 1;
  const attribute = vertical ? "x" : "y";
  const old = text.getAttribute(attribute);
  const rotation = text.getAttribute("transform");
  if (old === null || !Number.isFinite(Number(old)) || (vertical ? !TITLE_ROTATION.test(rotation || "") : rotation)) return false;
  const now = String(Number(old) + away * delta);
  text.setAttribute(attribute, now);
  for (const line of text.querySelectorAll(`tspan[${attribute}]`)) {
    if (line.getAttribute(attribute) === old) line.setAttribute(attribute, now); // the lines of a title with <br>
  }
  if (vertical) text.setAttribute("transform", `rotate(-90,${now},${text.getAttribute("y")})`);
  return true;
}

const RANGE_KEY = /^[xy]axis\d*\.(range|autorange)$/;

// Plotly.relayout(changed), drawing again only the subplots on the changed axes where that is enough.
// plotly.js recomputes the whole figure's defaults for a relayout, unless it sets axis ranges alone (its
// bypass for zooms): ranges sent with new slider steps or a title cost that recomputation (~10 ms on /sgd
// and /optimizers). Those go in a relayout of their own, which draws only them.
async function relayoutOnly(Plotly, gd, changed) {
  const keys = Object.keys(changed);
  const ranges = keys.filter((key) => RANGE_KEY.test(key));
  if (ranges.length && ranges.length < keys.length) {
    await relayoutOnly(Plotly, gd, Object.fromEntries(ranges.map((key) => [key, changed[key]])));
    await relayoutOnly(Plotly, gd, Object.fromEntries(keys.filter((key) => !RANGE_KEY.test(key)).map((key) => [key, changed[key]])));
    return;
  }
  if (!keys.length) return;
  gd.__redrawOnly = subplotsOn(gd, changed);
  try {
    await Plotly.relayout(gd, changed);
  } finally {
    gd.__redrawOnly = undefined;
  }
}

// Relayout redraws every trace of every subplot when one axis range changes (the contour map too);
// when only ranges and ticks change, only the subplots on those axes, and on axes tied to them
// (matches, scaleanchor), need drawing again. Returns those subplots, or undefined for a full redraw.
const REDRAWN_BY_RANGE = new Set(["range", "autorange", "tickvals", "ticktext", "tick0", "dtick", "nticks", "tickformat"]);
function subplotsOn(gd, changed) {
  const axes = new Set();
  for (const key of Object.keys(changed)) {
    if (key.startsWith("sliders[") || key === "title.text") continue; // drawn alone, no trace again
    const [axis, attribute] = key.split(".");
    if (!AXIS_NAME.test(axis) || !REDRAWN_BY_RANGE.has(attribute)) return undefined;
    axes.add(axis.replace("axis", ""));
  }
  const layout = gd._fullLayout;
  for (const groups of [layout._axisConstraintGroups || [], layout._axisMatchGroups || []]) {
    for (const group of groups) {
      if (Object.keys(group).some((id) => axes.has(id))) Object.keys(group).forEach((id) => axes.add(id));
    }
  }
  const subplots = new Set();
  for (const [id, info] of Object.entries(layout._plots || {})) {
    if (axes.has(info.xaxis._id) || axes.has(info.yaxis._id)) subplots.add(id);
  }
  return subplots;
}

// An axis that autoranges again after a move gets the range it has if the data on it spans what it spanned:
// plotly.js computes an autorange from the extremes of each trace on the axis (their values and the pixels
// their markers and lines reach past them), which the move's own calc computes anew. Where the traces on an
// axis that autoranges now (not zoomed) in the direction asked have the same extremes after the move as before,
// its relayout would
// draw everything on it again to the same range (/digits-project's confusion matrix and epoch axes: a
// relayout of its tied image axes draws the whole figure again, ~45 ms a change). Returns a function to call
// once the move has computed its data (in its plot call): it gives the ``changed`` keys to drop.
function extremesOn(gd, id) {
  return JSON.stringify((gd._fullData || []).map((trace) => (trace._extremes || {})[id] || null));
}

function keptAutoranges(gd, changed) {
  const full = gd._fullLayout;
  const keys = Object.keys(changed).filter((key) => {
    const [axis, attribute] = key.split(".");
    if (attribute !== "autorange" || !full[axis] || !full[axis].autorange || !(gd.layout[axis] || {}).autorange) return false;
    // autoranged in the direction asked (plotly.js writes "reversed" as true with a reversed range)
    const range = full[axis].range || [];
    return changed[key] === "reversed" ? range[0] > range[1] : changed[key] === true && range[0] < range[1];
  });
  const before = keys.map((key) => extremesOn(gd, full[key.split(".")[0]]._id));
  return () => keys.filter((key, i) => extremesOn(gd, full[key.split(".")[0]]._id) === before[i]);
}

// The subplots that relayoutOnly(changed) draws again: those on the axes given a new range or autoranged
// again (relayoutOnly sets those in a relayout of their own, which draws the traces on them; a relayout
// of ticks, sliders or a title alone draws no trace).
function rerangedSubplots(gd, changed) {
  const ranges = Object.keys(changed).filter((key) => RANGE_KEY.test(key));
  return ranges.length ? subplotsOn(gd, Object.fromEntries(ranges.map((key) => [key, changed[key]]))) : undefined;
}

// Axes tied by scaleanchor are fitted again from the ranges sent when plotly's fit drifted from them:
// - constrain: range widens the axes that are not the limiting one, and a second pass in the same draw
//   (automargin) widened them again from the first pass's result, so that none showed its range sent
//   (the SGD gradient plot sent at ±19.9 showed ±20.8 and ±20.2 on load). One pass leaves the limiting
//   axis as sent, so that is the test.
// - constrain: domain shrinks a domain and keeps every range sent, but react kept the previous domain
//   and padded the range instead (a feature map that shrank at stride 2 showed rows past its last one).
// - automatic tied axes: react kept their previous fit; they autorange again after a react.
// Only the subplots on the refitted axes are drawn again.
function sameRange(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === 2
    && a.every((v, i) => Math.abs(v - b[i]) <= 1e-9 * (1 + Math.abs(b[i])));
}

// plotly.js fits axes tied by scaleanchor from the range each was given (`_inputRange`, kept in the full
// layout), and Plotly.react carries that private key over from the figure on screen: a new figure's tied
// axes were fitted from the previous figure's ranges (the loss map of /linear-regression padded its new
// range instead of narrowing its domain), and a relayout had to draw the whole figure again to fit them
// (60-150 ms a change). Forgotten before a react, the new ranges are the ones fitted, as on a fresh load.
function forgetConstraintInputs(gd) {
  const full = gd._fullLayout;
  for (const group of (full && full._axisConstraintGroups) || []) {
    for (const id of Object.keys(group)) {
      const axis = full[axisName(id)];
      if (axis) delete axis._inputRange;
    }
  }
}

async function refitTiedAxes(Plotly, gd, sent, reacted) {
  const changed = {};
  const full = gd._fullLayout;
  for (const group of full._axisConstraintGroups || []) {
    const axes = Object.keys(group).map(axisName);
    const ranged = axes.filter((axis) => (sent[axis] || {}).range);
    const shown = (axis) => sameRange(full[axis] && full[axis].range, sent[axis].range);
    const byDomain = axes.every((axis) => full[axis] && full[axis].constrain === "domain");
    const drifted = ranged.length > 0 && (byDomain ? !ranged.every(shown) : !ranged.some(shown));
    for (const axis of axes) {
      const set = sent[axis] || {};
      if (set.range && drifted) changed[`${axis}.range`] = set.range;
      else if (!set.range && (reacted || drifted)) changed[`${axis}.autorange`] = set.autorange || true;
    }
  }
  await relayoutOnly(Plotly, gd, changed);
}

// The chart follows its element's width itself. plotly.js's responsive mode refits on a resize from the
// ranges it fitted at the previous size, so with axes tied by scaleanchor (constrain: range) every
// resize widened them again: the SGD gradient plot sent at ±19.9 showed ±20.8 on load and ±42.6 after
// four window resizes. Here a new width refits tied axes from the ranges the figure sent (or autoranges
// them again), unless the user has zoomed one of them since the last fit. Chained with the draws.
function fittedRanges(gd) {
  const fitted = {};
  for (const group of gd._fullLayout._axisConstraintGroups || []) {
    for (const id of Object.keys(group)) {
      const axis = axisName(id);
      fitted[axis] = JSON.stringify((gd.layout[axis] || {}).range);
    }
  }
  return fitted;
}

async function fitWidth(Plotly, gd) {
  if (!gd._fullLayout || !gd.isConnected) return;
  const zoomed = Object.entries(gd.__fitted || {}).some(([axis, fitted]) => JSON.stringify((gd.layout[axis] || {}).range) !== fitted);
  const update = { autosize: true }; // what plotly's own resize sends: measure the element again
  if (!zoomed) {
    for (const axis of Object.keys(gd.__fitted || {})) {
      const sent = (gd.__sentAxes || {})[axis] || {};
      if (sent.range) update[`${axis}.range`] = sent.range;
      else update[`${axis}.autorange`] = sent.autorange || true;
    }
  }
  await Plotly.relayout(gd, update);
  if (!zoomed) await refitTiedAxes(Plotly, gd, gd.__sentAxes || {}, false); // automargin may have moved them again
  await placeBarUnder(Plotly, gd);
  // plotly.js leaves a legend where the old width put it: a legend under the plot that took three rows at the
  // projector's 853 px kept their height's offset at 1920 px and sat on the x axis's title. Draw it again.
  if (gd._fullLayout.showlegend) await Plotly.relayout(gd, { showlegend: true });
  gd.__fitted = fittedRanges(gd);
  gd.dataset.fitted = String(gd.clientWidth); // tests wait for this after a resize
}

// A horizontal colour bar under a squared map (a figure opts in with layout.meta.barUnder, the map's x axis:
// viz/descent.py finish_map, viz/logistic_regression.py). plotly.js places a colour bar in paper coordinates,
// but the map's frame shrinks to a square that keeps to the top of its cell, so a bar at a fixed paper height
// hung 165-282 px under the map at 1440 px (the cell spans the rows on the right). After each draw the bar is
// set under the x axis's title as drawn: one restyle of the bar alone (edit type "colorbars"), and none when
// it is already there.
const BAR_GAP = 10; // CSS px between the axis title and the bar

// A figure sent again arrives with the bar where the server put it: it gets the place found for it before, so
// a change that leaves the map where it was neither moves the bar twice nor lays the page out to measure it
// (/logistic-regression's map is animated, so its trace, bar and all, is sent fresh with every figure).
function keepBarPlace(gd, figure) {
  const axisId = ((figure.layout || {}).meta || {}).barUnder;
  if (!axisId || gd.__barY === undefined) return;
  for (const trace of figure.data || []) {
    const bar = trace.colorbar;
    if (bar && bar.orientation === "h" && (trace.xaxis || "x") === axisId) bar.y = gd.__barY;
  }
}

async function placeBarUnder(Plotly, gd) {
  const axisId = ((gd.layout && gd.layout.meta) || {}).barUnder;
  if (!axisId || !gd._fullLayout || !gd.isConnected) return;
  const trace = (gd._fullData || []).find((t) => t.xaxis === axisId && t.showscale && t.colorbar && t.colorbar.orientation === "h");
  // Where the map, its labels and the bar stand (a restyle lays the figure out again: read each time).
  const geometry = () => {
    const full = gd._fullLayout;
    const xAxis = full[axisName(axisId)];
    const yAxis = xAxis && full[axisName(xAxis.anchor || "")];
    const bar = ((gd.data[trace.index] || {}).colorbar || {}).y;
    return yAxis && { full, yAxis, bar, key: [yAxis._offset, yAxis._length, xAxis._depth, full._size.t, full._size.h, full.width, bar].join() };
  };
  const at = trace && geometry();
  if (!at || gd.__barPlaced === at.key) return; // measuring the title forces a layout (~1 ms a change)
  const title = gd.querySelector(`.g-${axisId}title`);
  const box = gd.getBoundingClientRect();
  const titled = title && title.getBoundingClientRect().height ? title.getBoundingClientRect().bottom - box.top : 0;
  const top = Math.max(titled, at.yAxis._offset + at.yAxis._length) + BAR_GAP; // px from the figure's top
  const y = 1 - (top - at.full._size.t) / at.full._size.h;
  if (!Number.isFinite(at.bar) || Math.abs(at.bar - y) * at.full._size.h >= 1) await Plotly.restyle(gd, { "colorbar.y": y }, [trace.index]);
  gd.__barPlaced = geometry().key;
  gd.__barY = gd.data[trace.index].colorbar.y;
}

function followWidth(Plotly, gd) {
  if (gd.__resizer || typeof ResizeObserver === "undefined") return;
  // The width the plot was laid out at, not the element's width now: on a fresh load the page may still be
  // settling while newPlot runs, and the observer's first report (the width now) must refit a plot drawn at
  // the width before (a busy machine showed /dropout's chart clipped on its left, drawn 120 px too wide).
  let width = Math.round((gd._fullLayout && gd._fullLayout.width) || gd.clientWidth);
  gd.__resizer = new ResizeObserver(() => {
    const now = gd.clientWidth;
    if (!now || Math.abs(now - width) <= 1) return; // hidden (a closed tab or expander), or only the height changed
    width = now;
    gd.__queue = gd.__queue
      .then(() => fitWidth(Plotly, gd))
      .catch((error) => console.error("chart " + gd.dataset.chartKey + ": resize failed", error));
  });
  gd.__resizer.observe(gd);
}

// The axes of the figure last drawn, as sent (Plotly edits some of gd.layout in place).
const AXIS_NAME = /^[xy]axis\d*$/; // a cartesian axis of the layout: xaxis, yaxis2, ...

function sentAxes(layout) {
  const axes = {};
  for (const name of Object.keys(layout)) {
    if (AXIS_NAME.test(name)) axes[name] = JSON.parse(JSON.stringify(layout[name]));
  }
  return axes;
}

function axisName(id) {
  return id.charAt(0) + "axis" + id.slice(1); // "x2" -> "xaxis2"
}

function hashOf(statics, index) {
  return statics.find(([i]) => i === index)[1];
}

// plotly.js's words in the page's language (ui/chart.py plotly_locale), registered once per language.
const registeredLocales = new Set();

function registerLocale(Plotly, locale) {
  if (!locale || registeredLocales.has(locale.name)) return;
  Plotly.register({ moduleType: "locale", name: locale.name, dictionary: locale.dictionary });
  registeredLocales.add(locale.name);
}

async function draw(Plotly, gd, data, setTriggerValue) {
  if (gd.__revision === data.revision) return; // the same figure as on screen: nothing to do
  registerLocale(Plotly, data.locale); // before the draw that names it (Plotly.react rewrites the modebar)
  if (gd._fullLayout) delete gd._fullLayout._skipDefaults; // never carried into an update (quickFrame)
  const figure = JSON.parse(new TextDecoder().decode(data.body));
  // Unchanged static traces keep the identity of the object on screen, so Plotly.react skips them.
  const kept = new Map();
  for (const [index, hash] of data.static || []) {
    if (kept.has(hash)) continue; // two equal traces in one figure stay two objects
    const old = gd.__static && gd.__static.get(hash);
    if (old) figure.data[index] = old;
    kept.set(hash, figure.data[index]);
  }
  if (data.present) enlargeText(figure.layout);
  keepBarPlace(gd, figure);
  const sent = sentAxes(figure.layout); // copied before Plotly edits the layout it is given
  const config = Object.assign({ displaylogo: false, showSendToCloud: false }, data.config || {}, { responsive: false }); // followWidth
  const moved = movable(gd, data, figure);
  if (moved) {
    await move(Plotly, gd, figure, data.moving, moved);
    for (const index of moved) kept.set(hashOf(data.static, index), gd.data[index]); // the object on screen
  } else if (gd.__revision === undefined) {
    await Plotly.newPlot(gd, figure.data, figure.layout, config);
    gd.dataset.builds = String(Number(gd.dataset.builds || 0) + 1); // the benchmark counts rebuilds
    if (figure.frames && figure.frames.length) await Plotly.addFrames(gd, figure.frames);
  } else {
    await stopAnimation(Plotly, gd);
    forgetConstraintInputs(gd);
    await Plotly.react(gd, { data: figure.data, layout: figure.layout, frames: figure.frames || [], config });
  }
  await refitTiedAxes(Plotly, gd, sent, !moved && gd.__revision !== undefined);
  await placeBarUnder(Plotly, gd);
  gd.__static = kept;
  gd.__sentAxes = sent;
  gd.__fitted = fittedRanges(gd);
  followWidth(Plotly, gd);
  gd.__forms = data.moving ? data.moving.forms : undefined;
  gd.__shape = data.moving ? data.moving.shape + (data.present ? "-present" : "") : undefined;
  gd.dataset.update = moved ? "move" : gd.__revision === undefined ? "new" : "react"; // how it was drawn
  gd.__revision = data.revision;
  gd.dataset.revision = data.revision; // tests wait for this: the figure on screen is the one sent
  keepStaticLayers(gd);
  fastSmoothHeatmaps(gd);
  if (!gd.__listening) {
    gd.on("plotly_click", (event) => setTriggerValue("click", clickedPoints(event)));
    gd.on("plotly_animatingframe", (event) => {
      showFrameTitle(Plotly, gd, event);
      gd.__quickFrames = (gd.__quickFrames || 0) + (quickFrame(gd, event) ? 1 : 0); // tests read it
    });
    gd.on("plotly_transitioning", () => {
      if (gd._fullLayout) delete gd._fullLayout._skipDefaults; // consumed by the frame's own defaults
      drawUnanimated(gd);
    });
    gd.__listening = true;
  }
}

// ui/chart.py pack: one line of JSON (revision, key, config, ...), then the figure's JSON, as bytes.
// Only the head is read here; the figure is decoded and parsed when its revision is not on screen.
function unpack(payload) {
  const bytes = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
  const cut = bytes.indexOf(10);
  const data = JSON.parse(new TextDecoder().decode(bytes.subarray(0, cut)));
  data.body = bytes.subarray(cut + 1);
  return data;
}

// Streamlit fades the elements of a rerun that are not drawn again yet ("stale": opacity 0.33 after 0.5 s,
// one CSS transition per element). Starting those transitions when a run begins and dropping them as the
// elements come back puts each element in a compositing layer of its own and paints it twice: ~10 ms of a
// gradient descent change and ~35 ms of the digits page's, for a fade that a run under 0.5 s never shows,
// and in a slow run the page rasterised again twice (ui/page.py BUSY_STYLE). ui/page.py STYLE keeps stale
// elements as they are; this marks the app [data-dl-slow] once a run has lasted 0.5 s, Streamlit's own
// delay, and BUSY_STYLE shows its note there until the run ends.
const SLOW_RUN_MS = 500;
function watchSlowRuns() {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.__dlSlowRuns) return;
  app.__dlSlowRuns = true;
  let timer = null;
  const update = () => {
    if (app.dataset.testScriptState === "running") {
      if (timer === null && app.dataset.dlSlow === undefined) {
        timer = setTimeout(() => {
          timer = null;
          if (app.dataset.testScriptState === "running") app.dataset.dlSlow = "";
        }, SLOW_RUN_MS);
      }
      return;
    }
    clearTimeout(timer);
    timer = null;
    delete app.dataset.dlSlow;
  };
  new MutationObserver(update).observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
  update();
}

// A formula wider than its column is set smaller, as a whole, to fit it. KaTeX puts a display formula in a box
// that scrolls sideways inside a column that clips it: /loss-functions' "MAE = 1/N Σ|rᵢ|" lost its |rᵢ| in the
// presenter view at projector size, and with the sidebar open at that size the formulas of 13 pages were cut,
// by up to 44 %. Each formula's column is watched for width changes (a resize, the sidebar, the presenter
// view); the page's formulas are looked for after each run (this module is every page's: each has a chart).
// The room is the markdown element's width: the boxes inside it shrink to the formula.
function roomOf(display) {
  return display.closest(".stMarkdown");
}

function fitFormula(display) {
  const katex = display.querySelector(":scope > .katex");
  const room = roomOf(display) ? roomOf(display).clientWidth : 0;
  if (!katex || !room) return;
  if (!display.dataset.dlFont) display.dataset.dlFont = getComputedStyle(katex).fontSize; // as KaTeX sets it
  const scale = Number(display.dataset.dlScale || 1);
  const natural = display.scrollWidth / scale; // the box shrinks to a formula that fits, else scrolls it
  const next = Math.min(1, room / natural);
  if (!(natural > 0) || Math.abs(next - scale) < 0.005) return;
  display.dataset.dlScale = String(next);
  katex.style.fontSize = next < 1 ? `${(parseFloat(display.dataset.dlFont) * next).toFixed(2)}px` : "";
}

function watchFormulas() {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.__dlFormulas) return;
  const columns = new ResizeObserver((entries) =>
    entries.forEach((entry) => entry.target.querySelectorAll(".katex-display").forEach(fitFormula)),
  );
  const seen = new WeakSet();
  const scan = () =>
    document.querySelectorAll(".katex-display").forEach((display) => {
      if (seen.has(display) || !roomOf(display)) return;
      seen.add(display);
      columns.observe(roomOf(display)); // reports its size at once: the formula is fitted then
    });
  app.__dlFormulas = scan;
  // KaTeX is loaded with a page's first formula and may typeset it after the run has ended: look again later too.
  // A formula fitted before KaTeX's fonts arrived was measured in a fallback font and grows when they come, while
  // its column, whose width does not change, reports nothing (/digits-project's loss was cut by 10 % at projector
  // size on a loaded machine): every formula is fitted again then.
  afterRuns(app, scan, [0, 300, 1500, 4000], () => document.querySelectorAll(".katex-display").forEach(fitFormula));
}

// Call ``fn`` after each run of the app, at each of ``delays`` (ms; for what Streamlit or KaTeX draws late), and
// ``onFonts`` (by default ``fn``) when fonts finish loading: text measured in a fallback font changes size then.
function afterRuns(app, fn, delays, onFonts = fn) {
  const later = () => {
    if (app.dataset.testScriptState !== "running") delays.forEach((ms) => setTimeout(fn, ms));
  };
  new MutationObserver(later).observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
  document.fonts?.addEventListener?.("loadingdone", onFonts);
  later();
}

// A select box shows its value in an <input>, which clips a value wider than the box with no sign of it: at the desk
// (1440×900, sidebar open) the controls column holds 163 px of value, and 11 of the English default values were cut
// ("Moons: two interleaving ha"). ui/page.py STYLE ends a clipped value with an ellipsis; this names the whole value
// in the box's tooltip, after each run (the list the box opens shows every option whole).
function watchSelectValues() {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.__dlSelects) return;
  app.__dlSelects = true;
  const name = () =>
    document.querySelectorAll("[data-testid='stMain'] [data-testid='stSelectbox'] input").forEach((input) => {
      const cut = input.scrollWidth > input.clientWidth + 1;
      if (cut && input.title !== input.value) input.title = input.value;
      else if (!cut && input.title) input.removeAttribute("title");
    });
  // A value that fits in a fallback font may not once the page's font has loaded (a CI run at the desk saw
  // /mle's "A Gaussian: climb over (μ, σ)" cut with no tooltip): named again then, and 1.5 s after a run.
  afterRuns(app, name, [0, 300, 1500]);
}

// A chart out of sight (scrolled away, or in a closed tab or expander) is not drawn again on every change:
// its new figure waits until the chart comes within half a screen of the window, and is drawn then.
// A change costs the charts a student can see (on /optimizers the race map, not the by-hand charts in
// their tabs below it; on /dropout one chart of four), and what comes into view is drawn as it does.
// Its first figure is always drawn, so the page keeps its height and does not jump as one scrolls.
// data-pending holds the revision waiting to be drawn (tests and the benchmark read it).
const NEAR = "50% 0px";

function render(gd, data, setTriggerValue) {
  gd.__queue = (gd.__queue || Promise.resolve())
    .then(() => loadPlotly())
    .then((Plotly) => draw(Plotly, gd, data, setTriggerValue))
    .catch(async (error) => {
      // An update that failed half-way leaves a plot in an unknown state: build it afresh.
      console.error("chart " + data.key + ": update failed, drawing it afresh", error);
      try {
        const Plotly = await loadPlotly();
        Plotly.purge(gd);
        gd.__revision = gd.__shape = gd.__static = gd.__forms = gd.__listening = gd.__sentAxes = undefined;
        await draw(Plotly, gd, data, setTriggerValue);
      } catch (again) {
        gd.textContent = String(again);
      }
    });
}

function drawWhenNear(gd) {
  if (gd.__near || typeof IntersectionObserver === "undefined") return;
  gd.__near = new IntersectionObserver(
    (entries) => {
      gd.__inSight = entries[entries.length - 1].isIntersecting;
      const pending = gd.__pending;
      if (!gd.__inSight || !pending) return;
      gd.__pending = undefined;
      delete gd.dataset.pending;
      render(gd, pending.data, pending.setTriggerValue);
    },
    { rootMargin: NEAR },
  );
  gd.__near.observe(gd);
}

// The plot last drawn for each family (ui/chart.py ``chart(family=...)``): a chart that one script run draws
// again and again, each time as a new element (Streamlit allows a key once per run). A new element of the
// family takes that plot over (the old element is being removed from the page) and moves it to its figure,
// as a stable chart's change does: each look of /digits-project's live curves drew a new plot from nothing
// (Plotly.newPlot, ~100 ms of main thread every 250 ms).
const FAMILIES = new Map();

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = unpack(component.data);
  watchSlowRuns();
  watchFormulas();
  watchSelectValues();
  let gd = parentElement.querySelector(":scope > .dl-chart");
  const previous = data.family ? FAMILIES.get(data.family) : undefined;
  if (!gd && previous && previous.parentElement !== parentElement) {
    parentElement.appendChild(previous);
    gd = previous;
  }
  if (!gd) {
    gd = document.createElement("div");
    gd.className = "dl-chart";
    parentElement.appendChild(gd);
  }
  if (data.family) FAMILIES.set(data.family, gd);
  gd.dataset.chartKey = data.key;
  gd.dataset.wanted = data.revision; // drawn when data-revision catches up with it
  drawWhenNear(gd);
  if (gd.__inSight === false && gd.dataset.revision && data.revision !== gd.__revision) {
    gd.__pending = { data, setTriggerValue }; // the newest figure only
    gd.dataset.pending = data.revision;
    return;
  }
  gd.__pending = undefined;
  delete gd.dataset.pending;
  // Renders are chained per element: a newer figure waits for the previous draw to finish.
  render(gd, data, setTriggerValue);
}
