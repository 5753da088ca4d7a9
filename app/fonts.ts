import localFont from "next/font/local";

/**
 * Inter's Latin subset through next/font: the file is preloaded with the page and gets a fallback with matched
 * metrics, so the first paint already has the real font (a later swap would move the page's largest text, and its
 * LCP, to whenever the font arrived). Other scripts come from @fontsource's unicode-range faces in globals.css.
 */
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  variable: "--font-inter",
});
