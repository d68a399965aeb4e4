// The home page's weekly chart; the same numbers are in a table for screen readers.
// Its colours are the stylesheet's (--rb-chart-* in css/app.css, dark values in css/dark.css),
// read again when the system's theme changes (js/theme.js).
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("weekly-chart");
  const source = document.getElementById("weekly-data");
  if (!canvas || !source || !window.Chart) return;
  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const themeDefaults = () => {
    Chart.defaults.color = css("--rb-chart-text");
    Chart.defaults.borderColor = css("--rb-chart-grid");
  };
  themeDefaults();
  const weeks = JSON.parse(source.textContent);
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: weeks.map((w) => w.label),
      datasets: [{ label: gettext("Applications added"), data: weeks.map((w) => w.count),
                   backgroundColor: () => css("--rb-chart-teal"), borderRadius: 4 }],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  document.addEventListener("rebound:theme", () => {
    themeDefaults();
    chart.update();
  });
});
