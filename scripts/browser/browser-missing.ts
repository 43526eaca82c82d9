/** The error of a build that found no browser to print the PDF with (its own module, so that catching it loads no browser code). */
export class BrowserMissingError extends Error {
  constructor() {
    super(
      "No Chromium or Chrome found for the PDF. Install one (Debian/Ubuntu: `apt-get install chromium`) " +
        "or point PUPPETEER_EXECUTABLE_PATH at it (`folio doctor` says how on every system); the other editions were still built.",
    );
  }
}
