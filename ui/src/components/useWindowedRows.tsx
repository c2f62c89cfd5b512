import type { RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

/** How far beyond the screen rows are drawn, px: Tab and a quick scroll find them ready. */
const OVERSCAN = 500;

/** Tables this short are drawn whole: they are cheap, and everything stays in the page. */
const WHOLE = 40;

/** A long table's rows (more than WHOLE) drawn only near the screen (the page scrolls, not the table): rows far
 * above and below become one empty spacer row each, sized by the rows' measured heights (or an
 * estimate for rows never drawn). Rows `keep` says must stay (the one being typed in, the one
 * about to take focus) are drawn wherever they are, so no typing is ever unmounted. */
export function useWindowedRows<T>(
  items: T[],
  opts: {
    body: RefObject<HTMLTableSectionElement>;
    key: (item: T) => string;
    estimate: (item: T) => number;
    keep: (item: T) => boolean;
    render: (item: T) => preact.JSX.Element;
    columns: number;
  },
): preact.JSX.Element[] {
  const heights = useRef(new Map<string, number>());
  const [range, setRange] = useState<[number, number]>([0, 3 * OVERSCAN]);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = opts.body.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const from = Math.max(0, -top - OVERSCAN);
      const to = -top + window.innerHeight + OVERSCAN;
      // Small scrolls keep the drawn rows: a new range only when a third of the margin is used.
      setRange((prev) => (Math.abs(prev[0] - from) < OVERSCAN / 3 && Math.abs(prev[1] - to) < OVERSCAN / 3 ? prev : [from, to]));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
    update();
    return () => {
      window.removeEventListener("scroll", later);
      window.removeEventListener("resize", later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  // What was drawn is measured, so the spacers match the real rows next time.
  useLayoutEffect(() => {
    for (const tr of Array.from(opts.body.current?.children ?? [])) {
      const k = (tr as HTMLElement).dataset.key;
      if (k) heights.current.set(k, (tr as HTMLElement).offsetHeight);
    }
  });

  const out: preact.JSX.Element[] = [];
  let offset = 0;
  let gap = 0;
  let gaps = 0;
  const spacer = () => {
    if (gap > 0) {
      out.push(
        <tr key={`gap${gaps++}`} class="spacer-row" aria-hidden="true" style={{ height: `${gap}px` }}>
          <td colSpan={opts.columns} />
        </tr>,
      );
    }
    gap = 0;
  };
  for (const item of items) {
    const k = opts.key(item);
    const h = heights.current.get(k) ?? opts.estimate(item);
    if (items.length <= WHOLE || (offset + h >= range[0] && offset <= range[1]) || opts.keep(item)) {
      spacer();
      out.push(opts.render(item));
    } else {
      gap += h;
    }
    offset += h;
  }
  spacer();
  return out;
}
