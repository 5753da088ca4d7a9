import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

/** The product name every email signs with; change it here when Keel becomes your product. */
export const PRODUCT_NAME = "Keel";

// The light palette is inlined (what every client honours); the dark one is a media query that Apple Mail,
// iOS Mail and Outlook.com apply, while Gmail and Outlook apps invert the light palette themselves. Values
// are the app's theme tokens (app/globals.css) converted to hex, since email clients don't know oklch().
const light = {
  page: "#f2f3f7",
  card: "#ffffff",
  text: "#14161c",
  muted: "#595e66",
  border: "#dfe1e5",
  primary: "#1f47bc",
  onPrimary: "#ffffff",
};

// react-email's <Body> repeats the page background on the cell it wraps content in, hence the child selector.
const darkCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .k-page, .k-page > table > tbody > tr > td { background-color: #0b0d13 !important; }
  .k-card { background-color: #13161d !important; border-color: #2a2e35 !important; }
  .k-text { color: #f4f5f7 !important; }
  .k-muted { color: #a0a5ae !important; }
  .k-link { color: #8fb0ff !important; }
  .k-button { background-color: #709afb !important; color: #0b0d13 !important; }
  .k-rule { border-color: #2a2e35 !important; }
  .k-mark { background-color: #709afb !important; color: #0b0d13 !important; }
}
@media (max-width: 480px) {
  .k-card { padding: 24px 20px !important; }
}
[data-ogsc] .k-text { color: #f4f5f7 !important; }
[data-ogsc] .k-muted { color: #a0a5ae !important; }
[data-ogsc] .k-link { color: #8fb0ff !important; }
[data-ogsb] .k-button { background-color: #709afb !important; }
`;

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

const styles = {
  page: { backgroundColor: light.page, margin: 0, padding: "32px 12px", fontFamily },
  container: { maxWidth: "560px", width: "100%", margin: "0 auto" },
  brand: { padding: "0 4px 20px" },
  mark: {
    display: "inline-block",
    width: "24px",
    height: "24px",
    lineHeight: "24px",
    borderRadius: "6px",
    backgroundColor: light.primary,
    color: light.onPrimary,
    fontSize: "14px",
    fontWeight: 700,
    textAlign: "center",
    verticalAlign: "middle",
  },
  wordmark: {
    display: "inline-block",
    marginLeft: "8px",
    color: light.text,
    fontSize: "18px",
    fontWeight: 700,
    letterSpacing: "-0.01em",
    verticalAlign: "middle",
  },
  card: {
    backgroundColor: light.card,
    border: `1px solid ${light.border}`,
    borderRadius: "12px",
    padding: "32px",
  },
  heading: { color: light.text, fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "0 0 16px" },
  text: { color: light.text, fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" },
  muted: { color: light.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" },
  button: {
    display: "inline-block",
    backgroundColor: light.primary,
    color: light.onPrimary,
    fontSize: "15px",
    fontWeight: 600,
    lineHeight: "20px",
    textDecoration: "none",
    borderRadius: "8px",
    padding: "12px 22px",
  },
  link: { color: light.primary, textDecoration: "underline", wordBreak: "break-all" },
  rule: { borderColor: light.border, borderTopWidth: "1px", margin: "24px 0" },
  footer: { padding: "20px 4px 0" },
} satisfies Record<string, CSSProperties>;

/** What every email shares: preview line, wordmark, card, and a footer saying why the reader got it. */
export type EmailLayoutProps = {
  /** The inbox preview line (shown after the subject, hidden in the body). */
  preview: string;
  /** Completes "You received this email because …": one sentence, no trailing period. */
  reason: string;
  children: ReactNode;
};

/** The one layout of every Keel email: plain tables and inline styles, so it survives Outlook and Gmail. */
export function EmailLayout({ preview, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkCss}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body className="k-page" style={styles.page}>
        <Container style={styles.container}>
          <Section style={styles.brand}>
            {/* A text wordmark, not an image: no hosted asset to break, no "load images?" prompt. */}
            <span className="k-mark" style={styles.mark} aria-hidden="true" data-skip-in-text="true">
              K
            </span>
            <span className="k-text" style={styles.wordmark}>
              {PRODUCT_NAME}
            </span>
          </Section>
          <Section className="k-card" style={styles.card}>
            {children}
          </Section>
          <Section style={styles.footer}>
            <Text className="k-muted" style={styles.muted}>
              {PRODUCT_NAME}: the open-source SaaS starter kit.
            </Text>
            <Text className="k-muted" style={styles.muted}>
              You received this email because {reason}.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** The email's title. */
export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" className="k-text" style={styles.heading}>
      {children}
    </Heading>
  );
}

/** A paragraph of body text. */
export function EmailText({ children }: { children: ReactNode }) {
  return (
    <Text className="k-text" style={styles.text}>
      {children}
    </Text>
  );
}

/** Small print inside the card (expiry, "ignore this if…"). */
export function EmailNote({ children }: { children: ReactNode }) {
  return (
    <Text className="k-muted" style={styles.muted}>
      {children}
    </Text>
  );
}

/** The call to action: a real link styled as a button, followed by the raw URL for clients that mangle buttons. */
export function EmailAction({ href, children }: { href: string; children: string }) {
  return (
    <>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={href} className="k-button" style={styles.button}>
          {children}
        </Button>
      </Section>
      {/* The raw URL is already beside the button in plain text, so the text version skips this repeat. */}
      <Hr className="k-rule" style={styles.rule} data-skip-in-text="true" />
      <Text className="k-muted" style={styles.muted} data-skip-in-text="true">
        If the button doesn&apos;t work, copy this link into your browser:
        <br />
        <Link href={href} className="k-link" style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
