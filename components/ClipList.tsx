/**
 * The side panel's list, virtualised: rows have known heights, so the list computes where each
 * row sits and renders only those in view (plus a few either side). Ten thousand clips cost the
 * same to scroll as ten.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PanelRow } from '@/lib/clips/panel-rows';
import { t } from '@/lib/i18n';

export interface ClipListProps {
  rows: PanelRow[];
  heightOf(row: PanelRow): number;
  render(row: PanelRow): ComponentChildren;
  /** Viewport height before the list can measure itself (and in tests). */
  initialHeight?: number;
  overscan?: number;
  /** A row to bring into view (by key), e.g. the one being edited. */
  focusKey?: string | null;
}

/** Index of the last row starting at or before `y`. */
function rowAt(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function ClipList({ rows, heightOf, render, initialHeight = 600, overscan = 4, focusKey }: ClipListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);

  const offsets = useMemo(() => {
    const out = new Array<number>(rows.length + 1);
    out[0] = 0;
    for (let i = 0; i < rows.length; i++) out[i + 1] = out[i]! + heightOf(rows[i]!);
    return out;
  }, [rows, heightOf]);
  const total = offsets[rows.length]!;

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || initialHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [initialHeight]);

  useLayoutEffect(() => {
    if (!focusKey || !box.current) return;
    const i = rows.findIndex((r) => r.key === focusKey);
    if (i < 0) return;
    const top = offsets[i]!;
    const bottom = offsets[i + 1]!;
    const el = box.current;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + height) el.scrollTop = bottom - height;
  }, [focusKey, rows, offsets, height]);

  const first = rows.length === 0 ? 0 : Math.max(0, rowAt(offsets, scrollTop) - overscan);
  const last = rows.length === 0 ? -1 : Math.min(rows.length - 1, rowAt(offsets, scrollTop + height) + overscan);
  const visible: ComponentChildren[] = [];
  for (let i = first; i <= last; i++) {
    const row = rows[i]!;
    visible.push(
      <div key={row.key} class={`row row-${row.kind}`} role="listitem" style={{ position: 'absolute', top: `${offsets[i]}px`, left: 0, right: 0, height: `${heightOf(row)}px` }}>
        {render(row)}
      </div>,
    );
  }

  return (
    <div ref={box} class="clip-list" data-testid="clip-list" onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <div role="list" aria-label={t('clipListLabel')} style={{ position: 'relative', height: `${total}px` }}>
        {visible}
      </div>
    </div>
  );
}
