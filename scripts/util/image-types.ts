/** The image types every edition can carry, and the largest image Folio puts in a book. */

/** The image types every edition can carry, by extension. */
export const imageTypes: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
};

/**
 * The largest image, in pixels, that Folio puts in a book: 40 megapixels (a 7,700 × 5,200 photo).
 * A larger image is decoded by every reader at full size and makes the print document and the
 * PDF take hundreds of megabytes; 300 dpi on a letter page is only 8.4 megapixels.
 */
export const maxImagePixels = 40_000_000;
