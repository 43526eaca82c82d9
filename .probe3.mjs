import puppeteer from "puppeteer";
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const page = await browser.newPage();
const pages = async (html) => (Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
async function search(make) { let lo = 300, hi = 1200; for (let i = 0; i < 24; i++) { const h = (lo + hi) / 2; await page.setContent(make(h)); if (await pages() === 1) lo = h; else hi = h; } return lo; }
const size = "6in 9in", margin = "0.75in 0.6in 0.8in 0.85in";
const t0 = Date.now();
const H = await search((h) => `<style>@page { size: ${size}; margin: ${margin} } body { margin: 0 }</style><div style="height:${h}px"></div>`);
const W = await search((w) => `<style>@page { size: ${size}; margin: ${margin} } body { margin: 0 }</style><div style="float:left;width:${w / 2}px;height:400px"></div><div style="float:left;width:${w / 2}px;height:400px"></div>`);
console.log("H", H, "W", W, "css H", 864 - 72 - 76.8, "css W", 576 - 57.6 - 81.6, Date.now() - t0, "ms");
await browser.close();
