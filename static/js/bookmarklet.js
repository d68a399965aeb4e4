(() => {
  const QUICK_ADD = "__QUICK_ADD__";
  const POSTING_MAX = 100000;
  const find = (node) => {
    if (!node || typeof node !== "object") return null;
    if (Array.isArray(node)) { for (const n of node) { const f = find(n); if (f) return f; } return null; }
    const type = node["@type"];
    if (type === "JobPosting" || (Array.isArray(type) && type.includes("JobPosting"))) return node;
    return find(node["@graph"]);
  };
  let job = null;
  document.querySelectorAll('script[type="application/ld+json"]').forEach((s) => {
    if (job) return;
    try { job = find(JSON.parse(s.textContent)); } catch (e) { }
  });
  const q = new URLSearchParams();
  const put = (k, v) => { if (v !== undefined && v !== null && String(v).trim()) q.set(k, String(v).trim().slice(0, 1000)); };
  if (job) {
    const org = job.hiringOrganization;
    const place = [].concat(job.jobLocation || [])[0];
    const addr = place && place.address;
    const pay = job.baseSalary && job.baseSalary.value;
    put("role", job.title);
    put("company", typeof org === "string" ? org : org && org.name);
    put("location", addr && (typeof addr === "string" ? addr : [addr.addressLocality, addr.addressRegion, addr.addressCountry && (addr.addressCountry.name || addr.addressCountry)].filter(Boolean).join(", ")));
    if (job.jobLocationType === "TELECOMMUTE") put("remote_mode", "remote");
    if (pay) { put("salary_min", pay.minValue !== undefined ? pay.minValue : pay.value); put("salary_max", pay.maxValue); }
    put("currency", job.baseSalary && job.baseSalary.currency);
    put("posted", job.datePosted);
    put("posting_url", job.url || location.href);
  } else {
    put("title", document.title);
    put("posting_url", location.href);
  }
  const main = document.querySelector("article, main, [role=main]");
  let text = job && typeof job.description === "string" ? job.description : main ? main.innerText : "";
  text = String(text || "").trim().slice(0, 4 * POSTING_MAX);
  const opened = window.open(QUICK_ADD + "?" + q.toString(), "_blank");
  if (!opened || !text) return;
  const origin = new URL(QUICK_ADD).origin;
  const send = (event) => {
    if (event.source !== opened || event.origin !== origin || event.data !== "rebound:ready") return;
    opened.postMessage({ reboundPosting: text }, origin);
  };
  window.addEventListener("message", send);
})();
