// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // A form came back with errors: its summary takes focus, so it is read out first and a
  // keyboard user starts from the list of what to fix (each item links to its field).
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
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
        btn.textContent = "Copied";
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
