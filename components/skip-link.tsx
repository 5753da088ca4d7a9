/** The first stop of the keyboard on every page: hidden until focused, it jumps past the top bar to `#main`. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="fixed top-3 left-3 z-[60] -translate-y-[200%] rounded-md border bg-background px-3 py-2 text-sm font-medium shadow-md outline-none focus:translate-y-0 focus-visible:ring-2 focus-visible:ring-ring"
    >
      Skip to content
    </a>
  );
}
