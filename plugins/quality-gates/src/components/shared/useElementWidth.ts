import { RefObject, useLayoutEffect, useState } from 'react';

/** The element's width in pixels, followed as it resizes. */
export function useElementWidth(
  ref: RefObject<HTMLElement>,
  fallback: number,
): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => {
      const measured = element.getBoundingClientRect().width;
      // Nothing is laid out in tests or while hidden: keep the fallback.
      if (measured > 0) setWidth(Math.round(measured));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
