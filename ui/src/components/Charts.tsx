// Charts as plain SVG, drawn like the справка's: lines over the years, estimates with their
// intervals. No charting library: two kinds of chart in ~150 lines, crisp at any zoom, offline,
// and the same look as the printed document.

export type Line = {
  label: string;
  points: { year: number; value: number; few: boolean }[];
  /** CSS colour */
  color: string;
  width: number;
  dashed?: boolean;
};

/** «12,5», «−3»: a decimal comma and a real minus. */
export function num(v: number, digits = 1): string {
  return v.toFixed(digits).replace(".", ",").replace("-", "−");
}

/** «+2,0», «−3,5». */
export function signed(v: number): string {
  if (Math.abs(v) < 0.05) return "0,0";
  return (v > 0 ? "+" : "") + num(v);
}

function ticks(lo: number, hi: number): number[] {
  const raw = Math.max(hi - lo, 1e-9) / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  // From the tick at or below `lo` to the first at or above `hi`: every value inside the axis.
  for (let k = Math.floor(lo / step); out.length < 21; k++) {
    const t = Math.round(k * step * 1e6) / 1e6;
    out.push(t);
    if (t >= hi - step * 1e-6) break;
  }
  return out;
}

/** Lines over the years; hollow points rest on fewer pupils than the threshold. */
export function LineChart(props: { id?: string; years: number[]; lines: Line[]; unit: string; height?: number; width?: number; compact?: boolean }) {
  const W = props.width ?? 640;
  const H = props.height ?? 260;
  const values = props.lines.flatMap((l) => l.points.map((p) => p.value));
  if (values.length === 0 || props.years.length === 0) return <p class="muted small">Нет данных для графика.</p>;
  const lo0 = Math.min(...values);
  const hi0 = Math.max(...values);
  const pad = Math.max((hi0 - lo0) * 0.1, 0.5);
  const t = ticks(lo0 >= 0 ? Math.max(0, lo0 - pad) : lo0 - pad, hi0 + pad);
  const lo = t[0];
  const hi = t[t.length - 1];
  const left = props.compact ? 30 : 44;
  const right = W - 20;
  const top = 10;
  const bottom = H - (props.compact ? 22 : 26) - (props.compact ? 0 : 18 * Math.ceil(props.lines.length / 2));
  const px = (year: number) => {
    const i = props.years.indexOf(year);
    return props.years.length === 1 ? (left + right) / 2 : left + ((right - left) * i) / (props.years.length - 1);
  };
  const py = (v: number) => bottom - ((bottom - top) * (v - lo)) / Math.max(hi - lo, 1e-9);
  return (
    <svg id={props.id} class="chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={props.unit}>
      {t.map((v) => (
        <g key={v}>
          <line x1={left} x2={right} y1={py(v)} y2={py(v)} stroke="#dde3ea" />
          <text x={left - 4} y={py(v) + 4} text-anchor="end" class="tick">
            {num(v, Number.isInteger(v) ? 0 : 1)}
          </text>
        </g>
      ))}
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#555" />
      {/* A small chart names its first and last years: ten labels would run together. */}
      {(props.compact && props.years.length > 2 ? [props.years[0], props.years[props.years.length - 1]] : props.years).map((y) => (
        <text key={y} x={px(y)} y={bottom + 15} text-anchor="middle" class="tick">
          {y}
        </text>
      ))}
      {props.lines.map((l) => (
        <g key={l.label} class="series" data-label={l.label}>
          <polyline
            fill="none"
            stroke={l.color}
            stroke-width={l.width}
            stroke-dasharray={l.dashed ? "5 4" : undefined}
            points={l.points.map((p) => `${px(p.year)},${py(p.value)}`).join(" ")}
          />
          {/* Small multiples come by the dozen: there a line is drawn without its points (and the
              hundreds of nodes they would cost), except the hollow ones that warn of few pupils. */}
          {props.compact && <title>{`${l.label} — ${l.points.map((p) => `${p.year}: ${num(p.value)}`).join("; ")}`}</title>}
          {(props.compact && l.points.length > 1 ? l.points.filter((p) => p.few) : l.points).map((p) => (
            <circle
              key={p.year}
              cx={px(p.year)}
              cy={py(p.value)}
              r={3 + l.width * 0.4}
              fill={p.few ? "#fff" : l.color}
              stroke={l.color}
              stroke-width={1.5}
            >
              <title>
                {l.label}, {p.year}: {num(p.value)}
                {p.few ? " — мало участников" : ""}
              </title>
            </circle>
          ))}
        </g>
      ))}
      {!props.compact &&
        props.lines.map((l, i) => {
          const x = left + (i % 2) * ((right - left) / 2);
          const y = bottom + 34 + Math.floor(i / 2) * 18;
          return (
            <g key={`legend-${l.label}`}>
              <line x1={x} x2={x + 22} y1={y - 4} y2={y - 4} stroke={l.color} stroke-width={l.width} stroke-dasharray={l.dashed ? "5 4" : undefined} />
              <text x={x + 28} y={y} class="legend">
                {l.label}
              </text>
            </g>
          );
        })}
    </svg>
  );
}

export type IntervalRow = { label: string; value: number; low: number | null; high: number | null; faint: boolean };

/** Estimates against a zero line, each with its 95 % interval. */
export function IntervalChart(props: { id?: string; rows: IntervalRow[]; unit: string; betterLeft: boolean }) {
  const rowH = 24;
  const W = 640;
  const H = props.rows.length * rowH + 40;
  const all = props.rows.flatMap((r) => [r.value, r.low, r.high].filter((v): v is number => v !== null));
  const lo0 = Math.min(0, ...all);
  const hi0 = Math.max(0, ...all);
  const pad = Math.max((hi0 - lo0) * 0.08, 0.5);
  const t = ticks(lo0 - pad, hi0 + pad);
  const lo = t[0];
  const hi = t[t.length - 1];
  const longest = Math.max(...props.rows.map((r) => r.label.length));
  const left = Math.min(300, 16 + longest * 8.5);
  const right = W - 16;
  const top = 6;
  const bottom = top + rowH * props.rows.length;
  const px = (v: number) => left + ((right - left) * (v - lo)) / Math.max(hi - lo, 1e-9);
  return (
    <svg id={props.id} class="chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={props.unit}>
      {t.map((v) => (
        <g key={v}>
          <line x1={px(v)} x2={px(v)} y1={top} y2={bottom} stroke={v === 0 ? "#333" : "#dde3ea"} stroke-width={v === 0 ? 1.5 : 1} />
          <text x={px(v)} y={bottom + 15} text-anchor="middle" class="tick">
            {num(v, Number.isInteger(v) ? 0 : 1)}
          </text>
        </g>
      ))}
      <text x={right} y={bottom + 32} text-anchor="end" class="legend">
        {props.unit}; лучше, чем у сопоставимых школ, — {props.betterLeft ? "левее" : "правее"} нуля
      </text>
      {props.rows.map((r, i) => {
        const cy = top + rowH * (i + 0.5);
        const color = r.faint ? "#9aa5b1" : "#1f3b5c";
        return (
          <g key={r.label} class="estimate" data-label={r.label}>
            <text x={left - 8} y={cy + 4} text-anchor="end" class="legend" fill={r.faint ? "#9aa5b1" : undefined}>
              {r.label}
            </text>
            {r.low !== null && r.high !== null && (
              <>
                <line x1={px(r.low)} x2={px(r.high)} y1={cy} y2={cy} stroke={color} stroke-width={2} />
                <line x1={px(r.low)} x2={px(r.low)} y1={cy - 5} y2={cy + 5} stroke={color} />
                <line x1={px(r.high)} x2={px(r.high)} y1={cy - 5} y2={cy + 5} stroke={color} />
              </>
            )}
            <rect x={px(r.value) - 4} y={cy - 4} width={8} height={8} fill={color}>
              <title>
                {r.label}: {signed(r.value)}
                {r.low !== null && r.high !== null ? ` (от ${signed(r.low)} до ${signed(r.high)})` : ""}
              </title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}
