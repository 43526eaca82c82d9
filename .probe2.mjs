import puppeteer from "puppeteer";
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const page = await browser.newPage();
async function threshold(size, margins) {
  let lo = 600, hi = 900;
  for (let i = 0; i < 30; i++) {
    const h = (lo + hi) / 2;
    await page.setContent(`<style>@page { size: ${size}; margin: ${margins} } body { margin: 0 } div { height: ${h}px }</style><div></div><p style="margin:0;height:0.01px"></p>`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const n = (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
    if (n === 1) lo = h; else hi = h;
  }
  return lo.toFixed(3);
}
for (const [size, m] of [["6in 9in", "0.75in 0.6in 0.8in 0.85in"], ["6in 9in", "0.7in 0.6in 0.8in 0.85in"], ["5.5in 8.5in", "0.75in 0.6in 0.8in 0.85in"], ["148mm 210mm", "0.75in 0.6in 0.8in 0.85in"], ["6in 9in", "19mm 0.6in 21mm 0.85in"]]) console.log(size, m, await threshold(size, m));
await browser.close();
