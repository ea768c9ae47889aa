// A small SVG chart: categories along the bottom, bars (grouped), lines and
// points over them, and a shaded band (a range per category). The values are
// the core's decimal strings; they are turned into numbers only to place
// pixels. Built with DOM calls and SVG presentation attributes, so it needs
// no inline style and passes the page's strict CSP. (Apache ECharts was the
// first choice, but its ES modules import bare package names, zrender and
// tslib, which a browser resolves only through a bundler or an inline import
// map, and an inline import map is exactly what the CSP forbids.)
const NS = 'http://www.w3.org/2000/svg';
/** More categories than this draw each bar series as one path. */
const DENSE_BARS = 200;
const PALETTE = ['#2f6db5', '#d9822b', '#3a9a5b', '#b8455a', '#7a5cb8', '#6b7785', '#1f9aa8', '#c2a300', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];

const svg = (tag, attrs = {}, text) => {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = String(text);
  return el;
};

/** Round numbers for the axis: about `count` steps from 0 (or the minimum) to the maximum. */
function ticks(min, max, count = 5) {
  if (!(max > min)) return [min, min + 1];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out.at(-1) < max) out.push(Number((out.at(-1) + step).toPrecision(12)));
  return out;
}

/**
 * An SVG chart element.
 * spec: { title, categories: [label], bars: [{ name, values }], lines: [{ name, values, points? }],
 *         band: { name, low: [v], high: [v] }, yLabel, width, height, labelEvery, class }
 * Values are numbers or decimal strings; null or '' leaves a gap.
 */
export function chart(spec) {
  const { title, categories, bars = [], lines = [], band, yLabel = '' } = spec;
  const width = spec.width ?? 760;
  const height = spec.height ?? 300;
  // The legend: rows under the title, as many as its entries need.
  const legend = [];
  {
    const entries = [...bars.map((s, k) => [s.name, s.color ?? PALETTE[k % PALETTE.length]]),
      ...lines.map((s, k) => [s.name, s.color ?? PALETTE[(bars.length + k) % PALETTE.length]]),
      ...(band && !lines.some((s) => s.name === band.name) ? [[band.name, '#9db8d9']] : [])];
    let lx = 8;
    let ly = 38;
    for (const [name, color] of entries) {
      const w = 30 + [...String(name)].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0);
      if (lx + w > width - 8 && lx > 8) { lx = 8; ly += 16; }
      legend.push([name, color, lx, ly]);
      lx += w;
    }
  }
  const m = { top: (legend.at(-1)?.[3] ?? 22) + 16, right: 16, bottom: 58, left: 56 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v));
  const all = [...bars.flatMap((s) => s.values), ...lines.flatMap((s) => s.values), ...(band ? [...band.low, ...band.high] : [])]
    .map(num).filter((v) => v !== null && Number.isFinite(v));
  const axis = ticks(Math.min(0, ...all), Math.max(0, ...all));
  const [y0, y1] = [axis[0], axis.at(-1)];
  const y = (v) => m.top + plotH - ((v - y0) / (y1 - y0)) * plotH;
  const slot = plotW / Math.max(1, categories.length);
  const x = (i) => m.left + slot * (i + 0.5);

  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title, class: spec.class ? `chart ${spec.class}` : 'chart' });
  root.append(svg('title', {}, title));
  root.append(svg('text', { x: 8, y: 18, class: 'chart-title', 'font-size': 14, 'font-weight': 'bold', fill: '#1d232a' }, title));
  for (const v of axis) {
    root.append(svg('line', { x1: m.left, x2: m.left + plotW, y1: y(v), y2: y(v), stroke: '#dde1e6' }));
    root.append(svg('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#4a5560' }, v));
  }
  if (yLabel) root.append(svg('text', { x: 12, y: m.top + plotH / 2, 'font-size': 11, fill: '#4a5560', transform: `rotate(-90 12 ${m.top + plotH / 2})`, 'text-anchor': 'middle' }, yLabel));

  if (band) {
    const top = band.high.map((v, i) => [x(i), y(num(v))]);
    const bottom = band.low.map((v, i) => [x(i), y(num(v))]).reverse();
    if (categories.length === 1) { top.unshift([m.left, top[0][1]]); top.push([m.left + plotW, top[0][1]]); bottom.unshift([m.left + plotW, bottom[0][1]]); bottom.push([m.left, bottom[0][1]]); }
    root.append(svg('polygon', { points: [...top, ...bottom].map((p) => p.join(',')).join(' '), fill: '#9db8d9', 'fill-opacity': 0.35, stroke: 'none', class: 'band' }));
  }

  const barW = Math.max(1, Math.min(28, (slot * 0.8) / Math.max(1, bars.length)));
  // Past DENSE_BARS categories a bar is too thin to point at: each series is
  // one path, without a tooltip per bar (a thousand bars were thousands of elements).
  const dense = categories.length > DENSE_BARS;
  bars.forEach((s, k) => {
    const fill = s.color ?? PALETTE[k % PALETTE.length];
    const outline = [];
    s.values.forEach((raw, i) => {
      const v = num(raw);
      if (v === null) return;
      const box = { x: x(i) - (barW * bars.length) / 2 + k * barW, y: Math.min(y(v), y(0)), width: Math.max(1, barW - 1), height: Math.abs(y(0) - y(v)) };
      if (dense) {
        outline.push(`M${box.x} ${box.y}h${box.width}v${box.height}h${-box.width}z`);
        return;
      }
      const rect = svg('rect', { ...box, fill, class: 'bar' });
      rect.append(svg('title', {}, `${categories[i]} ${s.name}: ${raw}`));
      root.append(rect);
    });
    if (dense) root.append(svg('path', { d: outline.join(''), fill, class: 'bars' }));
  });

  lines.forEach((s, k) => {
    const color = s.color ?? PALETTE[(bars.length + k) % PALETTE.length];
    const pts = s.values.map((raw, i) => [i, num(raw)]).filter(([, v]) => v !== null);
    if (!s.pointsOnly && pts.length > 1) {
      root.append(svg('polyline', { points: pts.map(([i, v]) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2, class: 'line' }));
    }
    if (s.pointsOnly || pts.length <= 40) {
      for (const [i, v] of pts) {
        const dot = svg('circle', { cx: x(i), cy: y(v), r: s.pointsOnly ? 4 : 2.5, fill: color, class: 'point' });
        dot.append(svg('title', {}, `${categories[i]} ${s.name}: ${s.values[i]}`));
        root.append(dot);
      }
    }
  });

  const every = spec.labelEvery ?? Math.max(1, Math.ceil(categories.length / 24));
  categories.forEach((c, i) => {
    if (i % every) return;
    root.append(svg('text', { x: x(i), y: m.top + plotH + 14, 'font-size': 10, fill: '#4a5560', 'text-anchor': 'end', transform: `rotate(-35 ${x(i)} ${m.top + plotH + 14})` }, c));
  });
  root.append(svg('line', { x1: m.left, x2: m.left + plotW, y1: y(0), y2: y(0), stroke: '#4a5560' }));

  for (const [name, color, lx, ly] of legend) {
    root.append(svg('rect', { x: lx, y: ly - 9, width: 10, height: 10, fill: color }),
      svg('text', { x: lx + 14, y: ly, 'font-size': 11, fill: '#1d232a' }, name));
  }
  return root;
}

/** A chart in a figure with a caption, for a panel's result area. */
export function figure(spec) {
  const fig = document.createElement('figure');
  fig.className = 'chart-figure';
  fig.append(chart(spec));
  return fig;
}

/**
 * A heat map: one row per item, one column per period, each cell coloured by
 * its percentage (red below half, yellow at half, green at 100 % and above)
 * and labelled with the core's figure. spec: { title, rows, cols, values: rows × cols }
 */
export function heatmap(spec) {
  const { title, rows, cols, values } = spec;
  const cell = { w: 56, h: 18 };
  const left = 64;
  const top = 44;
  const width = left + cols.length * cell.w + 8;
  const height = top + rows.length * cell.h + 8;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title, class: 'chart heatmap' });
  root.append(svg('title', {}, title), svg('text', { x: 8, y: 18, 'font-size': 14, 'font-weight': 'bold', fill: '#1d232a' }, title));
  cols.forEach((c, j) => root.append(svg('text', { x: left + j * cell.w + cell.w / 2, y: top - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#4a5560' }, c)));
  rows.forEach((r, i) => {
    const y = top + i * cell.h;
    root.append(svg('text', { x: left - 6, y: y + cell.h - 5, 'text-anchor': 'end', 'font-size': 11, fill: '#4a5560' }, r));
    cols.forEach((c, j) => {
      const raw = values[i][j];
      const v = raw === null || raw === undefined || raw === '' ? null : Number(raw);
      const hue = v === null ? 0 : Math.max(0, Math.min(120, v * 1.2));
      const rect = svg('rect', { x: left + j * cell.w, y, width: cell.w - 1, height: cell.h - 1, class: 'cell',
        fill: v === null ? '#eef0f2' : `hsl(${hue}, 65%, 72%)` });
      rect.append(svg('title', {}, `${r} ${c}: ${raw ?? '—'}`));
      root.append(rect, svg('text', { x: left + j * cell.w + cell.w / 2, y: y + cell.h - 5, 'text-anchor': 'middle', 'font-size': 10, fill: '#1d232a' }, raw ?? '—'));
    });
  });
  const fig = document.createElement('figure');
  fig.className = 'chart-figure';
  fig.append(root);
  return fig;
}
