import puppeteer from "puppeteer";
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const page = await browser.newPage();
for (const h of [714.9, 715.0, 715.1, 715.2, 715.25]) {
  await page.setContent(`<style>@page { size: 6in 9in; margin: 0.75in 0.6in 0.8in 0.85in } body { margin: 0 } div { height: ${h}px; background: #ccc } img { display:block }</style><div></div><p style="margin:0;height:1px"></p>`);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const n = (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
  console.log(h, "pages", n);
}
await browser.close();
