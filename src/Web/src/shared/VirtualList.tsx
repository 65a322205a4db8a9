// A virtualised vertical list for long chat timelines: only the rows near the viewport are in
// the DOM; rows are measured as they render (ResizeObserver) and unmeasured rows use an
// estimate. Scroll position is kept by an anchor row — the first visible row and how far the
// viewport is into it — so rows loading above (older messages), images finishing loading or
// new rows below never move what the agent is looking at. At the bottom it follows new rows.
import type { ComponentChild, JSX } from "preact";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";

export interface VirtualListHandle {
  scrollToKey(key: string, align?: "center" | "end"): boolean;
  scrollToBottom(): void;
}

interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  estimateHeight: (item: T) => number;
  renderItem: (item: T) => ComponentChild;
  /** Called when the viewport comes within `nearTopPx` of the first row. */
  onNearTop?: () => void;
  onAtBottomChange?: (atBottom: boolean) => void;
  /** Rows that keep their place when rows load above (default: all). A day separator does not:
   *  it moves up to the first message of its day when older messages of that day arrive. */
  isAnchorable?: (item: T) => boolean;
  handleRef?: (handle: VirtualListHandle | null) => void;
  overscanPx?: number;
  nearTopPx?: number;
  class?: string;
  role?: JSX.AriaRole;
  rowRole?: JSX.AriaRole;
  "aria-label"?: string;
  header?: ComponentChild;
}

interface Anchor {
  key: string;
  /** scrollTop minus the anchor row's top. */
  delta: number;
}

const bottomSlackPx = 48;

/** Index of the last offset ≤ value (offsets ascending, offsets[0] = 0). */
function rowAt(offsets: Float64Array, count: number, value: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, itemKey, estimateHeight, overscanPx = 900, nearTopPx = 800 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measureVersion, setMeasureVersion] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const anchor = useRef<Anchor | null>(null);
  const atBottom = useRef(true);
  const headerHeight = useRef(0);
  const headerElement = useRef<HTMLDivElement>(null);

  const keys = useMemo(() => items.map(itemKey), [items, itemKey]);
  const indexOfKey = useMemo(() => new Map(keys.map((key, index) => [key, index])), [keys]);

  // Row tops; recomputed when rows or measurements change (10,000 rows ≈ a fraction of a millisecond).
  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      const key = keys[i]!;
      result[i + 1] = result[i]! + (heights.current.get(key) ?? estimateHeight(items[i]!));
    }
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, keys, measureVersion, estimateHeight]);
  const total = offsets[items.length] ?? 0;

  const start = Math.max(0, rowAt(offsets, items.length, viewport.top - headerHeight.current - overscanPx));
  const end = Math.min(items.length, rowAt(offsets, items.length, viewport.top - headerHeight.current + viewport.height + overscanPx) + 1);

  const observer = useMemo(
    () =>
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const element = entry.target as HTMLElement;
              if (element === headerElement.current) {
                headerHeight.current = entry.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
                changed = true;
                continue;
              }
              const key = element.dataset.rowKey;
              if (!key) continue;
              // Fractional heights: rounded ones add up to a drift of pixels over many rows.
              const height = entry.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
              if (height > 0 && Math.abs((heights.current.get(key) ?? -1) - height) > 0.01) {
                heights.current.set(key, height);
                changed = true;
              }
            }
            if (changed) setMeasureVersion((v) => v + 1);
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);


  // What the DOM was laid out with, and the scroll position we last saw: a scroll that happened
  // before a re-render (a jump to the top, a drag of the scrollbar) is read against the layout it
  // happened on, so the next render anchors to where the agent went, not to where they were.
  const laidOut = useRef<{ offsets: Float64Array; keys: string[] }>({ offsets, keys });
  const lastTop = useRef(0);

  const recordPosition = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const top = element.scrollTop;
    lastTop.current = top;
    const bottomGap = element.scrollHeight - top - element.clientHeight;
    const nowAtBottom = bottomGap <= bottomSlackPx;
    if (nowAtBottom !== atBottom.current) {
      atBottom.current = nowAtBottom;
      props.onAtBottomChange?.(nowAtBottom);
    }
    const layout = laidOut.current;
    const contentTop = top - headerHeight.current;
    if (layout.keys.length > 0) {
      let index = rowAt(layout.offsets, layout.keys.length, Math.max(0, contentTop));
      const anchorable = props.isAnchorable;
      if (anchorable) {
        for (let next = index; next < Math.min(layout.keys.length, index + 8); next++) {
          const at = indexOfKey.get(layout.keys[next]!);
          const item = at === undefined ? undefined : items[at];
          if (item !== undefined && anchorable(item)) {
            index = next;
            break;
          }
        }
      }
      anchor.current = { key: layout.keys[index]!, delta: contentTop - (layout.offsets[index] ?? 0) };
    }
    return { top, height: element.clientHeight };
  }, [props, items, indexOfKey]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    // Our own scrollTop change (keeping the anchor) keeps the anchor it was made for: re-anchoring
    // to whatever row is now at the top would let not-yet-measured rows move the one being read.
    const ours = Math.abs(element.scrollTop - lastTop.current) <= 1;
    const position = ours ? { top: element.scrollTop, height: element.clientHeight } : recordPosition();
    if (!position) return;
    setViewport((current) => (current.top === position.top && current.height === position.height ? current : position));
    if (position.top - headerHeight.current < nearTopPx) props.onNearTop?.();
  }, [recordPosition, nearTopPx, props]);

  // Keep the anchor where it was after rows or measurements changed; follow the bottom if we were there.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (Math.abs(element.scrollTop - lastTop.current) > 1) recordPosition();
    if (atBottom.current) {
      const target = element.scrollHeight - element.clientHeight;
      if (Math.abs(element.scrollTop - target) > 1) element.scrollTop = target;
    } else if (anchor.current) {
      const index = indexOfKey.get(anchor.current.key);
      if (index !== undefined) {
        const target = headerHeight.current + (offsets[index] ?? 0) + anchor.current.delta;
        if (Math.abs(element.scrollTop - target) > 1) element.scrollTop = target;
        laidOut.current = { offsets, keys };
        // The list could not scroll that far (the top edge): anchor to where it really is.
        if (Math.abs(element.scrollTop - target) > 1) recordPosition();
      }
    }
    laidOut.current = { offsets, keys };
    const top = element.scrollTop;
    lastTop.current = top;
    const height = element.clientHeight;
    setViewport((current) => (current.top === top && current.height === height ? current : { top, height }));
  }, [offsets, indexOfKey]);

  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const resize = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
      setViewport({ top: element.scrollTop, height: element.clientHeight });
    });
    resize.observe(element);
    if (headerElement.current) observer?.observe(headerElement.current);
    return () => resize.disconnect();
  }, [observer]);

  // Short timelines: ask for older rows until the viewport can scroll.
  useEffect(() => {
    const element = scroller.current;
    if (element && element.scrollHeight <= element.clientHeight + nearTopPx) props.onNearTop?.();
  }, [total, props]);

  useEffect(() => {
    props.handleRef?.({
      scrollToKey(key, align = "center") {
        const element = scroller.current;
        const index = indexOfKey.get(key);
        if (!element || index === undefined) return false;
        const rowTop = headerHeight.current + (offsets[index] ?? 0);
        const rowHeight = (offsets[index + 1] ?? rowTop) - (offsets[index] ?? 0);
        const top = align === "center" ? rowTop - (element.clientHeight - rowHeight) / 2 : rowTop + rowHeight - element.clientHeight;
        element.scrollTop = Math.max(0, top);
        lastTop.current = element.scrollTop;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= bottomSlackPx;
        recordPosition();
        setViewport({ top: element.scrollTop, height: element.clientHeight });
        return true;
      },
      scrollToBottom() {
        const element = scroller.current;
        if (!element) return;
        atBottom.current = true;
        element.scrollTop = element.scrollHeight;
        lastTop.current = element.scrollTop;
        props.onAtBottomChange?.(true);
        setViewport({ top: element.scrollTop, height: element.clientHeight });
      },
    });
  });
  useEffect(() => () => props.handleRef?.(null), []); // eslint-disable-line react-hooks/exhaustive-deps

  const rows: ComponentChild[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    const key = keys[i]!;
    rows.push(
      <MeasuredRow key={key} rowKey={key} observer={observer} role={props.rowRole}>
        {props.renderItem(item)}
      </MeasuredRow>,
    );
  }

  return (
    <div ref={scroller} class={`virtual-list ${props.class ?? ""}`} onScroll={onScroll} role={props.role} aria-label={props["aria-label"]} tabIndex={0}>
      <div ref={headerElement}>{props.header}</div>
      <div class="virtual-list-body" style={{ height: `${total}px` }}>
        <div class="virtual-list-window" style={{ transform: `translateY(${offsets[start] ?? 0}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

function MeasuredRow(props: { rowKey: string; observer: ResizeObserver | null; role: JSX.AriaRole | undefined; children: ComponentChild }) {
  const element = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const row = element.current;
    if (!row || !props.observer) return;
    props.observer.observe(row);
    return () => props.observer?.unobserve(row);
  }, [props.observer]);
  return (
    <div ref={element} data-row-key={props.rowKey} class="virtual-row" role={props.role}>
      {props.children}
    </div>
  );
}
