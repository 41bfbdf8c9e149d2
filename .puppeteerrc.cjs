// Puppeteer must never download a browser: tests launch Debian's Chromium at /usr/bin/chromium.
module.exports = { skipDownload: true };
