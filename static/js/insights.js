// The Insights page's charts; each has a table with the same numbers on the page.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("insights-data");
  if (!source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  const teal = "#1f5f5b";
  const palette = [teal, "#b5651d", "#5a6270", "#7b3f8c", "#2f6db5", "#9b2c2c"];
  const base = { responsive: true, maintainAspectRatio: false, animation: false };

  const activity = document.getElementById("activity-chart");
  if (activity) {
    new Chart(activity, {
      data: {
        labels: data.activity.labels,
        datasets: [
          { type: "bar", label: gettext("Applications"), data: data.activity.applications, backgroundColor: teal },
          { type: "bar", label: gettext("Interviews"), data: data.activity.interviews, backgroundColor: "#b5651d" },
          { type: "line", label: gettext("Goal a week"), data: data.activity.goal, borderColor: "#5a6270",
            borderDash: [6, 4], pointRadius: 0, spanGaps: false },
        ],
      },
      options: { ...base, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  const ratings = document.getElementById("ratings-chart");
  if (ratings) {
    new Chart(ratings, {
      type: "line",
      data: {
        labels: data.ratings.labels,
        datasets: Object.entries(data.ratings.series).map(([label, values], i) => ({
          label, data: values, borderColor: palette[i % palette.length], tension: 0.2,
        })),
      },
      options: { ...base, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } } },
    });
  }

  const mood = document.getElementById("mood-chart");
  if (mood) {
    new Chart(mood, {
      type: "line",
      data: { labels: data.mood.labels, datasets: [{ label: gettext("Mood"), data: data.mood.values, borderColor: teal }] },
      options: { ...base, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } } },
    });
  }

  // "Save the chart as PNG": the canvas as it is drawn, downloaded.
  document.querySelectorAll("[data-png]").forEach((button) => {
    button.addEventListener("click", () => {
      const chart = Chart.getChart(button.dataset.png);
      if (!chart) return;
      const link = document.createElement("a");
      link.href = chart.toBase64Image();
      link.download = button.dataset.filename;
      link.click();
    });
  });
});
