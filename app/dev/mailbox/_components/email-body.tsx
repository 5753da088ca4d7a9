"use client";

import { Code, FileText } from "lucide-react";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils";

const views = [
  { id: "html", label: "HTML", Icon: Code },
  { id: "text", label: "Plain text", Icon: FileText },
] as const;

type View = (typeof views)[number]["id"];

/**
 * The email's body as HTML or plain text, in ARIA tabs. The HTML renders in a sandboxed iframe without
 * `allow-scripts` or `allow-same-origin`: an email's markup can never run code or reach this app.
 */
export function EmailBody({ srcDoc, text, subject }: { srcDoc: string; text: string; subject: string }) {
  const [view, setView] = useState<View>("html");
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();

  // Arrow keys move between tabs, as the ARIA tabs pattern promises screen-reader users.
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + views.length) % views.length;
    setView(views[next]!.id);
    tabs.current[next]?.focus();
  }

  return (
    <section aria-label="Body" className="overflow-hidden rounded-xl border bg-card shadow-xs">
      <div className="flex items-center justify-between gap-3 border-b bg-muted/40 px-3 py-2">
        <div role="tablist" aria-label="Body format" className="inline-flex rounded-lg bg-muted p-1">
          {views.map(({ id: viewId, label, Icon }, index) => (
            <button
              key={viewId}
              ref={(el) => {
                tabs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${viewId}`}
              aria-selected={view === viewId}
              aria-controls={`${id}-panel-${viewId}`}
              tabIndex={view === viewId ? 0 : -1}
              onClick={() => setView(viewId)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={cn(
                "inline-flex cursor-pointer items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors outline-none",
                "hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                "aria-selected:bg-background aria-selected:text-foreground aria-selected:shadow-xs",
              )}
            >
              <Icon aria-hidden="true" className="size-4" />
              {label}
            </button>
          ))}
        </div>
        <p className="hidden text-xs text-muted-foreground sm:block">Links open in a new tab</p>
      </div>
      {/* Both panels stay mounted so switching back doesn't reload the preview. */}
      <div role="tabpanel" id={`${id}-panel-html`} aria-labelledby={`${id}-tab-html`} hidden={view !== "html"}>
        <iframe
          title={`HTML preview of “${subject}”`}
          srcDoc={srcDoc}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          className="block h-[70vh] min-h-[28rem] w-full bg-white"
        />
      </div>
      <div role="tabpanel" id={`${id}-panel-text`} aria-labelledby={`${id}-tab-text`} hidden={view !== "text"} tabIndex={0} className="outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset">
        <pre className="max-h-[70vh] min-h-[28rem] overflow-auto p-5 font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap">
          {text}
        </pre>
      </div>
    </section>
  );
}
