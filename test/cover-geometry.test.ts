/** The wrap cover's geometry: spine from page count and paper, sheet size from trim, spine and bleed. */
import { describe, expect, it } from "vitest";
import { coverBleed, coverGeometry, inches, paperThickness, spineWidth } from "../scripts/print/spine.js";

describe("spineWidth", () => {
  it("is the page count, rounded up to a whole leaf, times the thickness of a page", () => {
    expect(spineWidth(200, 0.002252)).toBeCloseTo(0.4504, 9);
    expect(spineWidth(201, 0.002252)).toBeCloseTo(202 * 0.002252, 9);
    expect(spineWidth(1, 0.0025)).toBeCloseTo(0.005, 9);
  });

  it("refuses page counts and thicknesses that cannot be", () => {
    expect(() => spineWidth(0, 0.002)).toThrow(RangeError);
    expect(() => spineWidth(12.5, 0.002)).toThrow(RangeError);
    expect(() => spineWidth(10, 0)).toThrow(RangeError);
  });
});

describe("coverGeometry", () => {
  const cases = [
    { pages: 96, paper: "white", spine: 96 * 0.002252 },
    { pages: 96, paper: "cream", spine: 96 * 0.0025 },
    { pages: 310, paper: "white", spine: 310 * 0.002252 },
    { pages: 310, paper: "cream", spine: 310 * 0.0025 },
  ] as const;

  it.each(cases)("$pages pages on $paper paper, 6 × 9 in", ({ pages, paper, spine }) => {
    const g = coverGeometry(6, 9, pages, paper);
    expect(g.pageThickness).toBe(paperThickness[paper]);
    expect(g.spine).toBeCloseTo(spine, 6);
    expect(g.width).toBeCloseTo(2 * 6 + spine + 2 * 0.125, 6);
    expect(g.height).toBeCloseTo(9 + 2 * 0.125, 9);
    expect(g.bleed).toBe(coverBleed);
  });

  it("puts text on the spine only from a quarter of an inch", () => {
    expect(coverGeometry(6, 9, 96, "white").spineText).toBe(false);
    expect(coverGeometry(6, 9, 110, "white").spineText).toBe(false);
    expect(coverGeometry(6, 9, 112, "white").spineText).toBe(true);
    expect(coverGeometry(6, 9, 100, "cream").spineText).toBe(true);
  });

  it("takes an explicit page thickness instead of a paper", () => {
    const g = coverGeometry(5, 8, 200, { thickness: inches("0.1mm") });
    expect(g.spine).toBeCloseTo(200 * (0.1 / 25.4), 6);
    expect(g.width).toBeCloseTo(10 + g.spine + 0.25, 9);
  });
});

describe("inches", () => {
  it("reads the lengths book.yaml accepts", () => {
    expect(inches("6in")).toBe(6);
    expect(inches("148mm")).toBeCloseTo(5.8268, 4);
    expect(inches("2.54cm")).toBeCloseTo(1, 9);
    expect(inches("54pt")).toBe(0.75);
    expect(() => inches("6")).toThrow(RangeError);
  });
});
