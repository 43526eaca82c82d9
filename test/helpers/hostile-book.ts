/** A manuscript that asks for `origin` through every channel markdown, raw HTML, CSS and SVG offer. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./build.js";
import { writeBlankPng } from "./png.js";

/** Write the hostile book into a new temporary folder and return its path. */
export function hostileManuscript(origin: string): string {
  const dir = join(tempDir("folio-net-"), "book");
  mkdirSync(join(dir, "images"), { recursive: true });
  writeFileSync(
    join(dir, "book.yaml"),
    "title: Offline\nlanguage: en\nrules:\n  image-remote: warning\n  image-svg-external: warning\n  html-unsafe: info\n",
  );
  writeBlankPng(join(dir, "images", "local.png"), 8, 8);
  writeFileSync(
    join(dir, "images", "outward.svg"),
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image href="${origin}/svg-image.png" width="10" height="10"/><image xlink:href="${origin}/svg-xlink.png"/><style>@import url(${origin}/svg-import.css);</style></svg>\n`,
  );
  const lines = [
    "# Offline",
    `![markdown image](${origin}/md-image.png)`,
    `<img alt="raw" src="${origin}/raw-img.png">`,
    `<img alt="set" src="images/local.png" srcset="${origin}/srcset.png 2x">`,
    `<picture><source srcset="${origin}/source.png"><img alt="pic" src="images/local.png"></picture>`,
    `<iframe src="${origin}/iframe"></iframe>`,
    `<link rel="stylesheet" href="${origin}/link.css">`,
    `<link rel="prefetch" href="${origin}/prefetch">`,
    `<style>p { background: url(${origin}/style-url.png) }</style>`,
    `<style>@import "${origin}/style-import.css";</style>`,
    `<style>@font-face { font-family: X; src: url(${origin}/font.woff2) } p { font-family: X }</style>`,
    `<p style="background-image: url('${origin}/attr-style.png')">styled</p>`,
    `<svg width="10" height="10"><image href="${origin}/inline-svg.png" width="10" height="10"/><use href="${origin}/use.svg#a"/></svg>`,
    `<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>`,
    `<audio src="${origin}/audio.mp3" autoplay></audio>`,
    `<object data="${origin}/object"></object><embed src="${origin}/embed">`,
    `<script src="${origin}/script.js"></script><script>fetch("${origin}/fetch")</script>`,
    `<img alt="x" src="images/local.png" onerror="fetch('${origin}/onerror')" onload="fetch('${origin}/onload')">`,
    `<meta http-equiv="refresh" content="0; url=${origin}/refresh"><base href="${origin}/base/">`,
    `<a href="${origin}/ping-target" ping="${origin}/ping">a link (never followed)</a>`,
    `<table background="${origin}/table-bg.png"><tr><td>cell</td></tr></table>`,
    `<form action="${origin}/form"><input type="image" src="${origin}/input.png"></form>`,
    "![an SVG that points outward](images/outward.svg)",
  ];
  writeFileSync(join(dir, "01-offline.md"), `${lines.join("\n\n")}\n`);
  return dir;
}
