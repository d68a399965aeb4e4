// Small progressive enhancements; every page works without them. Their words come from
// Django's JavaScript catalog (gettext), loaded by base.html before this script.

// Disclosures that are only for small screens (the applications page's filters): open
// from 768 px. Run at once (the script is deferred: the page is parsed) so nothing moves.
document.querySelectorAll("details[data-open-wide]").forEach((details) => {
  if (window.matchMedia("(min-width: 768px)").matches) details.open = true;
});

// A message that is on the page when it loads ("Saved.", "12 applications match") sits in
// no live region a screen reader has seen change, so it would go unread after the reload:
// once the page has loaded, its text goes into an empty live region (an error's into the
// alert one), which is read out.
window.addEventListener("load", () => {
  const polite = [];
  const urgent = [];
  document.querySelectorAll("[data-announce-on-load]").forEach((el) => {
    const text = el.textContent.replace(/\s+/g, " ").trim();
    (el.dataset.announceOnLoad === "alert" ? urgent : polite).push(text);
  });
  // A moment after load, so the page's own title and heading are read first.
  setTimeout(() => {
    if (polite.length) document.getElementById("live-status").textContent = polite.join(" ");
    if (urgent.length) document.getElementById("live-alert").textContent = urgent.join(" ");
  }, 300);
});

document.addEventListener("DOMContentLoaded", () => {
  // A form came back with errors: its summary takes focus, so it is read out first and a
  // keyboard user starts from the list of what to fix (each item links to its field).
  const summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    // Its links move to their field without putting "#id_field" in the address: that
    // fragment would otherwise follow the form's POST and the redirect after saving.
    summary.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest('a[href^="#"]');
      const field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  }
  // Sign-up: start the user in the browser's own time zone.
  const tz = document.querySelector("input[name=timezone][type=hidden]");
  if (tz && !tz.value && window.Intl) {
    tz.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  }
  // Copy-to-clipboard buttons: <button data-copy-target="#id">.
  document.querySelectorAll("[data-copy-target]").forEach((btn) => {
    btn.addEventListener("click", async () => {
      const source = document.querySelector(btn.dataset.copyTarget);
      if (!source) return;
      const text = source.value !== undefined ? source.value : source.textContent;
      try {
        await navigator.clipboard.writeText(text);
        btn.textContent = gettext("Copied");
      } catch (e) {
        source.select && source.select();
      }
    });
  });
  // Print buttons (the work-search log): shown only where printing can run.
  document.querySelectorAll("[data-print]").forEach((btn) => {
    btn.hidden = false;
    btn.addEventListener("click", () => window.print());
  });
  // Forms that ask "are you sure" before a destructive action.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});
