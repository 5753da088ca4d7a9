import { GetStartedButtons } from "./get-started-buttons";

/** Closing band of the landing page. */
export function CallToAction() {
  return (
    <section aria-labelledby="cta-title" className="border-t">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
        <div className="relative isolate overflow-hidden rounded-2xl border bg-card px-6 py-14 text-center shadow-xs sm:px-12">
          <div
            aria-hidden="true"
            className="absolute inset-x-0 -top-24 -z-10 mx-auto h-64 max-w-xl rounded-full bg-primary/15 blur-3xl"
          />
          <h2 id="cta-title" className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            Ship your SaaS this week
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg text-pretty text-muted-foreground">
            Sign-in, organizations, billing and jobs are done. Start on the part only you can build, on a foundation
            that scales by configuration, not rewrites.
          </p>
          <GetStartedButtons />
        </div>
      </div>
    </section>
  );
}
