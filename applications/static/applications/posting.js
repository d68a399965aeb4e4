// Quick add, opened by the bookmarklet: the posting's text is too long for a URL, so the
// posting's page sends it by postMessage once this page says it is ready. Only the window
// that opened this one is listened to; the text lands in the form, to check before adding.
(() => {
  const box = document.getElementById("id_posting");
  const fromPage = document.getElementById("id_posting_from_page");
  if (!box || !window.opener) return;
  const markup = /<\/?[a-z][^>]*>/i;
  const toText = (raw) => {
    let doc = new DOMParser().parseFromString(raw, "text/html");
    // A JobPosting whose HTML was escaped once more ("&lt;p&gt;…").
    if (!markup.test(raw) && markup.test(doc.body.textContent)) {
      doc = new DOMParser().parseFromString(doc.body.textContent, "text/html");
    }
    doc.querySelectorAll("script, style, template, noscript").forEach((n) => n.remove());
    doc.querySelectorAll("br").forEach((n) => n.replaceWith("\n"));
    doc.querySelectorAll("li").forEach((n) => { n.prepend("\n• "); });
    doc.querySelectorAll("p, div, h1, h2, h3, h4, h5, h6, ul, ol, section, article, tr")
      .forEach((n) => { n.prepend("\n\n"); n.append("\n\n"); });
    return doc.body.textContent.split("\n").map((line) => line.replace(/\s+/g, " ").trim())
      .join("\n").replace(/\n{3,}/g, "\n\n").trim();
  };
  window.addEventListener("message", (event) => {
    if (event.source !== window.opener || !event.data) return;
    const raw = event.data.reboundPosting;
    if (typeof raw !== "string" || !raw.trim()) return;
    box.value = (markup.test(raw) || /&lt;/.test(raw) ? toText(raw) : raw.trim()).slice(0, 100000);
    if (fromPage) fromPage.value = "True";
  });
  window.opener.postMessage("rebound:ready", "*");
})();
