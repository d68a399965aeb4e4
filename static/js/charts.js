// The home page's weekly chart; the same numbers are in a table for screen readers.
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("weekly-chart");
  const source = document.getElementById("weekly-data");
  if (!canvas || !source || !window.Chart) return;
  const weeks = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: weeks.map((w) => w.label),
      datasets: [{ label: gettext("Applications added"), data: weeks.map((w) => w.count),
                   backgroundColor: "#1f5f5b", borderRadius: 4 }],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
});
