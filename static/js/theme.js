// The colour theme follows the system's setting. The colours switch in CSS alone (base.html
// links css/dark.css for screens that prefer dark), so the first paint is already right and
// pages without JavaScript follow too. This marks <html data-bs-theme>, as Bootstrap's colour
// modes expect, keeps it in step when the setting changes, and tells the charts, drawn on a
// canvas, to repaint ("rebound:theme"). Paper is always light, as css/dark.css is for screens.
(() => {
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = (printing) => {
    const theme = dark.matches && !printing ? "dark" : "light";
    if (document.documentElement.getAttribute("data-bs-theme") === theme) return;
    document.documentElement.setAttribute("data-bs-theme", theme);
    document.dispatchEvent(new CustomEvent("rebound:theme", { detail: { theme } }));
  };
  apply(false);
  dark.addEventListener("change", () => apply(false));
  window.addEventListener("beforeprint", () => apply(true));
  window.addEventListener("afterprint", () => apply(false));
})();
