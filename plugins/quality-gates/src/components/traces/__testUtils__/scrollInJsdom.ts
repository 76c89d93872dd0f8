const EMULATED = ['clientHeight', 'scrollHeight', 'scrollTo'] as const;

/**
 * jsdom lays nothing out and cannot scroll. For virtualised lists this
 * stands in for a browser: an element is as tall as its inline height, its
 * content as tall as its first child's inline height, and `scrollTo` sets
 * the offset and fires `scroll` soon after. Returns a function that undoes it.
 */
export function emulateScrolling(): () => void {
  const prototype = HTMLElement.prototype;
  const saved = EMULATED.map(
    name => [name, Object.getOwnPropertyDescriptor(prototype, name)] as const,
  );
  const inlineHeight = (element: Element | null) =>
    element instanceof HTMLElement ? parseFloat(element.style.height) || 0 : 0;

  Object.defineProperty(prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return inlineHeight(this);
    },
  });
  Object.defineProperty(prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Math.max(inlineHeight(this), inlineHeight(this.firstElementChild));
    },
  });
  Object.defineProperty(prototype, 'scrollTo', {
    configurable: true,
    writable: true,
    value: function scrollTo(
      this: HTMLElement,
      options?: ScrollToOptions | number,
    ) {
      if (typeof options !== 'object' || options.top === undefined) return;
      this.scrollTop = options.top;
      // Browsers report scrolling after the frame, not inside the call.
      setTimeout(() => this.dispatchEvent(new Event('scroll')));
    },
  });

  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(prototype, name, descriptor);
      else Reflect.deleteProperty(prototype, name);
    }
  };
}
